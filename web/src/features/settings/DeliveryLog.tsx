import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../api/trpc.ts";
import { formatDateTimeIn } from "@keel/shared/calendar";
import { QueryTable } from "../../components/QueryTable.tsx";
import { alertSubject, deliveryStatusText, targetName } from "./subscriptionsText.ts";

/** While a delivery is pending, the log refreshes itself so that "sent" or "failed" shows up. */
const PENDING_REFRESH_MS = 3_000;

/** The last 50 deliveries of every subscription, newest first: sent, failed (and why), or pending. */
export function DeliveryLog({
  timeZone,
  subscriptions,
}: {
  timeZone: string;
  subscriptions: readonly { id: string; channel: "email" | "slack"; to: string[]; webhookUrl: string | null }[];
}) {
  const trpc = useTRPC();
  const log = useQuery({
    ...trpc.subscriptions.deliveries.queryOptions({}),
    refetchInterval: (query) => (query.state.data?.deliveries.some((d) => d.status === "pending") ? PENDING_REFRESH_MS : false),
  });
  const where = new Map(subscriptions.map((s) => [s.id, targetName(s)]));

  return (
    <QueryTable
      query={log}
      noun="the delivery log"
      lines={2}
      testId="delivery-log"
      headers={["When", "To", "What", "Outcome"]}
      rows={(data) => data.deliveries}
      empty="Nothing sent yet."
      row={(d) => (
        <tr key={d.id} data-delivery={d.id} data-status={d.status}>
          <td className="nowrap">{formatDateTimeIn(d.sentAt ?? d.dueAt, timeZone)}</td>
          <td className="subscription-target">{where.get(d.subscriptionId) ?? <span className="muted">deleted</span>}</td>
          {d.kind === "alert" ? (
            <td>Alert: {alertSubject(d.message)}</td>
          ) : (
            <td className="nowrap">
              {d.kind === "now" ? "Sent now" : d.kind === "weekly" ? "Weekly" : d.kind} · {d.week}
            </td>
          )}
          <td>
            <span className={`delivery-status delivery-${d.status}`}>{deliveryStatusText(d)}</span>
            {d.error ? <span className="delivery-error"> {d.error}</span> : null}
          </td>
        </tr>
      )}
    />
  );
}
