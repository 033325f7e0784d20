import { describeApiError } from "../../api/describeApiError.ts";

interface SaveStatusProps {
  /** What the last save did, shown while it still describes the form; null hides it. */
  done: string | null | undefined;
  /** Why the last save was refused, when no field shows it; null hides it. */
  error: unknown;
  /** The words before the reason: "Not saved", "Not moved". */
  refused?: string;
}

/** The outcome of a settings form's last save, announced to screen readers. */
export function SaveStatus({ done, error, refused = "Not saved" }: SaveStatusProps) {
  return (
    <div aria-live="polite">
      {done ? <p className="form-success">{done}</p> : null}
      {error ? (
        <p className="field-error" role="alert">
          {refused}: {describeApiError(error)}
        </p>
      ) : null}
    </div>
  );
}
