import type { ReactNode } from "react";

interface SubmitRowProps {
  /** The button's words: "Create team". */
  label: string;
  /** Its words while the form is being sent: "Creating…". */
  busyLabel: string;
  busy: boolean;
  /** Why the server refused the form, when no field says it; null or undefined hides it. */
  refusal?: string | null | undefined;
  /** The words before the reason: "Not created". */
  refused: string;
}

/** A form's submit button and, beside it, why the last submit was refused (announced at once). */
export function SubmitRow({ label, busyLabel, busy, refusal, refused }: SubmitRowProps) {
  return (
    <div className="form-actions">
      <button type="submit" className="button" disabled={busy}>
        {busy ? busyLabel : label}
      </button>
      {refusal ? <Refusal>{`${refused}: ${refusal}`}</Refusal> : null}
    </div>
  );
}

/** Why an action was refused, announced to screen readers at once. */
export function Refusal({ children }: { children: ReactNode }) {
  return (
    <p className="field-error" role="alert">
      {children}
    </p>
  );
}
