import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../api/trpc.ts";
import { KIND_NAMES } from "./ConnectionForm.tsx";
import { CopyButton } from "./CopyButton.tsx";
import { formatDateTimeIn } from "@keel/shared/calendar";
import { QueryTable } from "../../components/QueryTable.tsx";

const SECRET_VARIABLE = { github: "KEEL_GITHUB_WEBHOOK_SECRET", gitlab: "KEEL_GITLAB_WEBHOOK_TOKEN", pagerduty: "KEEL_PAGERDUTY_WEBHOOK_SECRET" } as const;
const OUTCOME = { pending: "waiting to be processed", processed: "processed", failed: "failed" } as const;

/** Each webhook: the URL to paste into the vendor, whether its secret is set, its last delivery and last day's failures. */
export function WebhooksSection({ timeZone }: { timeZone: string }) {
  const trpc = useTRPC();
  const status = useQuery({ ...trpc.webhooks.status.queryOptions(), refetchInterval: 30_000 });
  return (
    <QueryTable
      query={status}
      noun="webhooks"
      testId="webhooks-table"
      headers={["Vendor", "URL to paste", "Secret", "Last delivery", "Last 24 hours"]}
      rows={(data) => data.webhooks}
      row={(w) => (
        <tr key={w.vendor} data-webhook={w.vendor}>
          <th scope="row">{KIND_NAMES[w.vendor]}</th>
          <td>
            <code className="webhook-url">{w.url}</code> <CopyButton text={w.url} label={`Copy the ${KIND_NAMES[w.vendor]} webhook URL`} />
          </td>
          <td>
            {w.secretSet ? (
              "Set"
            ) : (
              <span className="muted">
                Not set: the webhook is off. Set <code>{SECRET_VARIABLE[w.vendor]}</code> and restart Keel.
              </span>
            )}
          </td>
          <td>
            {w.lastDelivery ? (
              <>
                {formatDateTimeIn(w.lastDelivery.at, timeZone)}: <code>{w.lastDelivery.kind}</code>, {OUTCOME[w.lastDelivery.outcome]}
                {w.lastDelivery.outcome === "failed" && w.lastDelivery.note ? <div className="field-help">{w.lastDelivery.note}</div> : null}
              </>
            ) : (
              <span className="muted">None yet</span>
            )}
          </td>
          <td>
            {w.deliveriesLast24h} {w.deliveriesLast24h === 1 ? "delivery" : "deliveries"}
            {w.failuresLast24h > 0 ? <strong className="text-danger">, {w.failuresLast24h} failed</strong> : ", none failed"}
          </td>
        </tr>
      )}
    />
  );
}
