import type { ReactNode } from "react";
import { describeApiError } from "../api/describeApiError.ts";

/** What a form's submit row reads of its mutation. */
export interface Sending {
  isPending: boolean;
  isError: boolean;
  error: unknown;
}

/** Why the server refused a mutation, in words; null while it has not. */
export function refusalOf(sending: Sending): string | null {
  return sending.isError ? describeApiError(sending.error) : null;
}

interface SubmitRowProps {
  /** The button's words: "Create team". */
  label: string;
  /** Its words while the form is being sent: "Creating…". */
  busyLabel: string;
  /** The words before the server's reason: "Not created". */
  refused: string;
  sending: Sending;
  /** The reason said here, when the form says it otherwise than the server's (null: none here); the server's by default. */
  refusal?: string | null | undefined;
}

/** A form's submit button and, beside it, why the last submit was refused (announced at once). */
export function SubmitRow({ label, busyLabel, refused, sending, refusal = refusalOf(sending) }: SubmitRowProps) {
  return (
    <div className="form-actions">
      <button type="submit" className="button" disabled={sending.isPending}>
        {sending.isPending ? busyLabel : label}
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
