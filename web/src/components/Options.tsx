import type { ReactNode } from "react";

interface OptionsProps<Item> {
  values: readonly Item[];
  /** An item's value; the item itself by default (a list of strings). */
  value?: (item: Item) => string;
  /** What an option shows; its value by default. */
  label?: (item: Item) => ReactNode;
}

/** A select's options, one an item. */
export function Options<Item>({ values, value = String, label = value }: OptionsProps<Item>) {
  return values.map((item) => (
    <option key={value(item)} value={value(item)}>
      {label(item)}
    </option>
  ));
}
