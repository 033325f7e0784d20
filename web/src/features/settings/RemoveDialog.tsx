// The dialog that asks before a Settings record is removed (a token revoked, a subscription
// deleted): "Keep it" closes it with nothing done; confirming sends the removal with the record's
// id, and once the server has done it the list's queries are refreshed before it closes.
import { useMutation, useQueryClient, type QueryKey, type UseMutationOptions } from "@tanstack/react-query";
import type { ComponentProps, ReactNode } from "react";
import { ConfirmDialog } from "../../components/ConfirmDialog.tsx";
import { refreshThenClose } from "./invalidate.ts";

interface RemoveDialogProps<TData, TError> {
  /** As ConfirmDialog's: the prefix of the title's and the text's ids. */
  id: string;
  title: ReactNode;
  /** The confirming button's words, as ConfirmDialog takes them. */
  words: Pick<ComponentProps<typeof ConfirmDialog>, "confirm" | "busyLabel" | "refused">;
  /** The removing procedure's mutation options (trpc.tokens.revoke.mutationOptions). */
  mutationOptions: (options: ReturnType<typeof refreshThenClose>) => UseMutationOptions<TData, TError, { id: string }>;
  /** The queries to refresh once it is removed: its router's (trpc.tokens.pathKey()). */
  queryKey: QueryKey;
  /** The record's id. */
  recordId: string;
  /** Called with true once removed, with false when kept. */
  onClose: (removed: boolean) => void;
  /** What the removal does, in a sentence or two. */
  children: ReactNode;
}

export function RemoveDialog<TData, TError>({ id, title, words, mutationOptions, queryKey, recordId, onClose, children }: RemoveDialogProps<TData, TError>) {
  const queryClient = useQueryClient();
  const remove = useMutation(mutationOptions(refreshThenClose(queryClient, queryKey, onClose)));
  return (
    <ConfirmDialog id={id} title={title} {...words} sending={remove} onConfirm={() => remove.mutate({ id: recordId })} onKeep={() => onClose(false)}>
      {children}
    </ConfirmDialog>
  );
}
