import { useQuery } from "@tanstack/react-query";
import { describeApiError } from "../../api/describeApiError.ts";
import { useTRPC } from "../../api/trpc.ts";
import { ErrorState, LoadingState } from "../../components/StateMessage.tsx";
import { CopyButton } from "./CopyButton.tsx";
import { formatDateTimeIn } from "../../format/calendar.ts";

const VENDOR = { github: "GitHub", gitlab: "GitLab", pagerduty: "PagerDuty" } as const;
const SECRET_VARIABLE = { github: "KEEL_GITHUB_WEBHOOK_SECRET", gitlab: "KEEL_GITLAB_WEBHOOK_TOKEN", pagerduty: "KEEL_PAGERDUTY_WEBHOOK_SECRET" } as const;
const OUTCOME = { pending: "waiting to be processed", processed: "processed", failed: "failed" } as const;

/** Each webhook: the URL to paste into the vendor, whether its secret is set, its last delivery and last day's failures. */
export function WebhooksSection({ timeZone }: { timeZone: string }) {
  const trpc = useTRPC();
  const status = useQuery({ ...trpc.webhooks.status.queryOptions(), refetchInterval: 30_000 });
  if (status.isPending) return <LoadingState label="Loading webhooks…" lines={3} />;
  if (status.isError) {
    return (
      <ErrorState
        title="The webhooks could not be loaded."
        detail={describeApiError(status.error)}
        onRetry={() => void status.refetch()}
        retrying={status.isFetching}
      />
    );
  }
  return (
    <div className="table-scroll">
      <table className="settings-table" data-testid="webhooks-table">
        <caption className="visually-hidden">Webhooks</caption>
        <thead>
          <tr>
            <th scope="col">Vendor</th>
            <th scope="col">URL to paste</th>
            <th scope="col">Secret</th>
            <th scope="col">Last delivery</th>
            <th scope="col">Last 24 hours</th>
          </tr>
        </thead>
        <tbody>
          {status.data.webhooks.map((w) => (
            <tr key={w.vendor} data-webhook={w.vendor}>
              <th scope="row">{VENDOR[w.vendor]}</th>
              <td>
                <code className="webhook-url">{w.url}</code> <CopyButton text={w.url} label={`Copy the ${VENDOR[w.vendor]} webhook URL`} />
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
          ))}
        </tbody>
      </table>
    </div>
  );
}
