import { useEffect, useRef, type ReactNode } from "react";
import { Refusal, refusalOf, type Sending } from "./SubmitRow.tsx";

interface ConfirmDialogProps {
  /** Prefix of the title's and the text's ids: "revoke" gives revoke-title and revoke-text. */
  id: string;
  title: ReactNode;
  /** What the action does, in a sentence or two. */
  children: ReactNode;
  /** The confirming button's words ("Revoke token"), while under way ("Revoking…"), and before a refusal ("Not revoked"). */
  confirm: string;
  busyLabel: string;
  refused: string;
  sending: Sending;
  onConfirm: () => void;
  /** Closed without the action: "Keep it", or Escape. */
  onKeep: () => void;
}

/** A modal that asks before an action that cannot be undone; the keyboard starts on "Keep it". */
export function ConfirmDialog({ id, title, children, confirm, busyLabel, refused, sending, onConfirm, onKeep }: ConfirmDialogProps) {
  const refusal = refusalOf(sending);
  const dialogRef = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog ref={dialogRef} className="confirm-dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`} onCancel={onKeep}>
      <h3 id={`${id}-title`}>{title}</h3>
      <p id={`${id}-text`}>{children}</p>
      {refusal !== null ? <Refusal>{`${refused}: ${refusal}`}</Refusal> : null}
      <div className="form-actions">
        <button type="button" className="button button-danger" onClick={onConfirm} disabled={sending.isPending}>
          {sending.isPending ? busyLabel : confirm}
        </button>
        <button type="button" className="button button-quiet" onClick={onKeep} autoFocus>
          Keep it
        </button>
      </div>
    </dialog>
  );
}
