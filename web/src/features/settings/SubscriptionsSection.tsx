import type { AppRouter } from "@keel/server/src/trpc/router.ts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferOutput, TRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { useState } from "react";
import { describeApiError } from "../../api/describeApiError.ts";
import { useTRPC } from "../../api/trpc.ts";
import { ACTIONS_HEADER } from "../../components/SettingsTable.tsx";
import { QueryTable } from "../../components/QueryTable.tsx";
import { DeliveryLog } from "./DeliveryLog.tsx";
import { SubscriptionForm } from "./SubscriptionForm.tsx";
import { formatDateTimeIn } from "@keel/shared/calendar";
import { RemoveDialog } from "./RemoveDialog.tsx";
import { lastAlertText, scheduleText, targetName, thresholdsText } from "./subscriptionsText.ts";

/** A subscription as the list answers it. */
type Subscription = inferOutput<TRPCOptionsProxy<AppRouter>["subscriptions"]["list"]>["subscriptions"][number];

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
      <QueryTable
        query={subscriptions}
        noun="subscriptions"
        testId="subscriptions-table"
        headers={["Channel", "Goes to", "Team", `Schedule (${timeZone})`, "Alerts", ACTIONS_HEADER]}
        rows={(data) => data.subscriptions}
        empty="No subscriptions yet: nobody receives the weekly report by itself."
        row={(s) => (
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
        )}
      />
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
  return (
    <RemoveDialog
      id="delete-subscription"
      title="Delete this subscription?"
      words={{ confirm: "Delete subscription", busyLabel: "Deleting…", refused: "Not deleted" }}
      mutationOptions={trpc.subscriptions.delete.mutationOptions}
      queryKey={trpc.subscriptions.pathKey()}
      recordId={subscription.id}
      onClose={onClose}
    >
      {targetName(subscription)} stops receiving the weekly report{subscription.alerts ? " and alerts" : ""}. Its delivery log goes with it.
    </RemoveDialog>
  );
}
