import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { describeApiError } from "../../api/describeApiError.ts";
import { useTRPC } from "../../api/trpc.ts";
import { ErrorState, LoadingState } from "../../components/StateMessage.tsx";
import { DeliveryLog } from "./DeliveryLog.tsx";
import { SubscriptionForm } from "./SubscriptionForm.tsx";
import { formatDateTimeIn } from "../../format/calendar.ts";
import { lastAlertText, scheduleText, targetName, thresholdsText } from "./subscriptionsText.ts";

interface Subscription {
  id: string;
  channel: "email" | "slack";
  to: string[];
  webhookUrl: string | null;
  team: string | null;
  schedule: { weekday: string; time: string };
  alerts: boolean;
}

/**
 * The weekly report's subscriptions (docs/digest.md), for editors and admins: listed with where
 * they go (a Slack webhook only redacted), added, sent now, deleted after a confirmation; and the
 * delivery log below.
 */
export function SubscriptionsSection({ timeZone, teams }: { timeZone: string; teams: readonly { slug: string; name: string }[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const subscriptions = useQuery(trpc.subscriptions.list.queryOptions());
  const [deleting, setDeleting] = useState<Subscription | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const sendNow = useMutation(
    trpc.subscriptions.send.mutationOptions({
      onSuccess: async () => {
        setMessage("Queued: the last full week's report goes out within a minute; its outcome appears in the delivery log.");
        await queryClient.invalidateQueries({ queryKey: trpc.subscriptions.pathKey() });
      },
      onError: (error) => setMessage(`Not sent: ${describeApiError(error)}`),
    }),
  );

  return (
    <>
      <p aria-live="polite" className="form-success" data-testid="subscriptions-message">
        {message}
      </p>
      {subscriptions.isPending ? (
        <LoadingState label="Loading subscriptions…" lines={3} />
      ) : subscriptions.isError ? (
        <ErrorState
          title="The subscriptions could not be loaded."
          detail={describeApiError(subscriptions.error)}
          onRetry={() => void subscriptions.refetch()}
          retrying={subscriptions.isFetching}
        />
      ) : subscriptions.data.subscriptions.length === 0 ? (
        <p className="muted">No subscriptions yet: nobody receives the weekly report by itself.</p>
      ) : (
        <div className="table-scroll">
          <table className="settings-table" data-testid="subscriptions-table">
            <caption className="visually-hidden">Subscriptions</caption>
            <thead>
              <tr>
                <th scope="col">Channel</th>
                <th scope="col">Goes to</th>
                <th scope="col">Team</th>
                <th scope="col">Schedule ({timeZone})</th>
                <th scope="col">Alerts</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {subscriptions.data.subscriptions.map((s) => (
                <tr key={s.id} data-subscription={s.id}>
                  <th scope="row">{s.channel === "email" ? "E-mail" : "Slack"}</th>
                  <td className="subscription-target">{s.channel === "email" ? s.to.join(", ") : <code>{s.webhookUrl}</code>}</td>
                  <td>{s.team ?? <span className="muted">organisation</span>}</td>
                  <td className="nowrap">{scheduleText(s.schedule)}</td>
                  <td data-testid="subscription-alerts">
                    {lastAlertText(s, (iso) => formatDateTimeIn(iso, timeZone))}
                    {s.alerts ? (
                      <span className="field-help subscription-thresholds">When a goal worsens, or a team's {thresholdsText(s.alertThresholds)}.</span>
                    ) : null}
                  </td>
                  <td className="actions nowrap">
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => sendNow.mutate({ id: s.id })}
                      disabled={sendNow.isPending}
                      aria-label={`Send now to ${targetName(s)}`}
                    >
                      Send now
                    </button>
                    <button type="button" className="button button-danger button-small" onClick={() => setDeleting(s)} aria-label={`Delete ${targetName(s)}`}>
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <SubscriptionForm teams={teams} onCreated={(text) => setMessage(text)} />
      <h3 id="delivery-log-heading" className="delivery-log-heading">
        Delivery log
      </h3>
      <DeliveryLog timeZone={timeZone} subscriptions={subscriptions.data?.subscriptions ?? []} />
      {deleting ? (
        <DeleteDialog
          subscription={deleting}
          onClose={(deleted) => {
            setDeleting(null);
            if (deleted) setMessage(`Subscription for ${targetName(deleting)} deleted: it receives nothing more.`);
          }}
        />
      ) : null}
    </>
  );
}

/** Asks before deleting: pending deliveries go with it. */
function DeleteDialog({ subscription, onClose }: { subscription: Subscription; onClose: (deleted: boolean) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const remove = useMutation(
    trpc.subscriptions.delete.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.subscriptions.pathKey() });
        onClose(true);
      },
    }),
  );
  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={dialogRef}
      className="confirm-dialog"
      aria-labelledby="delete-subscription-title"
      aria-describedby="delete-subscription-text"
      onCancel={() => onClose(false)}
    >
      <h3 id="delete-subscription-title">Delete this subscription?</h3>
      <p id="delete-subscription-text">
        {targetName(subscription)} stops receiving the weekly report{subscription.alerts ? " and alerts" : ""}. Its delivery log goes with it.
      </p>
      {remove.isError ? (
        <p className="field-error" role="alert">
          Not deleted: {describeApiError(remove.error)}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button button-danger" onClick={() => remove.mutate({ id: subscription.id })} disabled={remove.isPending}>
          {remove.isPending ? "Deleting…" : "Delete subscription"}
        </button>
        <button type="button" className="button button-quiet" onClick={() => onClose(false)} autoFocus>
          Keep it
        </button>
      </div>
    </dialog>
  );
}
