// One labelled form control with its help and the reason it was refused, in the settings forms'
// look (.field). The field owns the wiring a screen reader needs: the label names the control, and
// the control is marked invalid and described by its error and help.
import type { ReactNode } from "react";

/** What the control inside a field is given: its id, and whether and by what it is invalid and described. */
export interface ControlProps {
  id: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
}

interface FieldProps {
  /** The control's id, which the label names. */
  id: string;
  label: ReactNode;
  help?: ReactNode;
  /** Why the value was refused; shown under the control. */
  error?: string | undefined;
  /** Where the error is said: `${id}-error` unless the form names it otherwise. */
  errorId?: string;
  /** The error is said in the help's place, and the help comes back once the value is accepted. */
  errorReplacesHelp?: boolean;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}

export function Field({ id, label, help, error, errorId = `${id}-error`, errorReplacesHelp = false, className, children }: FieldProps) {
  const helpId = `${id}-help`;
  const showHelp = help !== undefined && !(errorReplacesHelp && error);
  const describedBy = [error ? errorId : null, showHelp ? helpId : null].filter(Boolean).join(" ");
  return (
    <div className={className ? `field ${className}` : "field"}>
      <label htmlFor={id}>{label}</label>
      {children({ id, ...(error ? { "aria-invalid": true } : {}), ...(describedBy ? { "aria-describedby": describedBy } : {}) })}
      {showHelp ? (
        <p className="field-help" id={helpId}>
          {help}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
