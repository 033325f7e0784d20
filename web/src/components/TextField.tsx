import type { InputHTMLAttributes } from "react";
import { Field } from "./Field.tsx";

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id"> {
  id: string;
  label: string;
  /** Why the value was refused; shown under the field and tied to it for screen readers. */
  error?: string | undefined;
  help?: string | undefined;
}

/** A labelled input with its help and error (Field.tsx). */
export function TextField({ id, label, error, help, ...input }: TextFieldProps) {
  return (
    <Field id={id} label={label} error={error} help={help}>
      {(control) => <input {...control} {...input} />}
    </Field>
  );
}
