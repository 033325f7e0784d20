import { useState } from "react";

/** Why each field was refused, keyed by the field's name ("form" for the whole form). */
type Errors = Partial<Record<string, string>>;

/**
 * A form's typed values and the reasons its fields were refused. Each field's id is the prefix and
 * its name ("new-user" and "email" give "new-user-email"), so `field(name)` wires a TextField.
 */
export function useFormValues<Values extends Record<string, string>>(idPrefix: string, empty: Values) {
  const [values, setValues] = useState(empty);
  const [errors, setErrors] = useState<Errors>({});
  const id = (name: string) => `${idPrefix}-${name}`;

  /** A field's id, value, change and error. */
  const field = (name: keyof Values & string) => ({
    id: id(name),
    value: values[name],
    onChange: (event: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: event.target.value })),
    error: errors[name],
  });

  /** Shows the reasons and moves the keyboard (and a screen reader) to the first field that has one; false when none has. */
  function showErrors(next: Errors): boolean {
    setErrors(next);
    const first = Object.keys(empty).find((name) => next[name]);
    if (first) document.getElementById(id(first))?.focus();
    return first !== undefined;
  }

  return { values, setValues, errors, setErrors, field, showErrors, reset: () => setValues(empty) };
}
