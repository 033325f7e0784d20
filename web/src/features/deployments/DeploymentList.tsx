import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { Fragment, useState } from "react";
import { describeApiError } from "../../api/describeApiError.ts";
import { useTRPC } from "../../api/trpc.ts";
import { EmptyState, ErrorState, LoadingState } from "../../components/StateMessage.tsx";
import { formatDate, formatDateTime } from "../../format/dates.ts";
import { periodWindow, scopeInput } from "../filters/urlFilters.ts";
import { useOrgSettings } from "../org/useOrgSettings.ts";
import { ruleShort } from "../records/attributionText.ts";
import { CsvDownload } from "../records/CsvDownload.tsx";
import { Pagination } from "../records/Pagination.tsx";
import { deploymentListInput } from "../records/recordFilters.ts";
import { exportPath } from "../records/recordLinks.ts";
import { DeploymentDetail } from "./DeploymentDetail.tsx";
import type { DeploymentView } from "./useDeploymentView.ts";
import "../records/records.css";

const STATUS_WORDS = { success: "Succeeded", failure: "Failed", cancelled: "Cancelled" } as const;

/** The deployments of the period, newest first, a page at a time; a row opens its details in place. */
export function DeploymentList({ view }: { view: DeploymentView }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useOrgSettings();
  const [openedAt] = useState(() => new Date());
  const timeZone = settings.data?.timeZone;
  const window = timeZone ? periodWindow(view.filters.weeks, openedAt, timeZone) : undefined;
  const input = window ? deploymentListInput(view.filters, window, view.page) : undefined;
  const list = useQuery({ ...trpc.deployments.list.queryOptions(input ?? { from: "", to: "" }), enabled: input !== undefined, placeholderData: keepPreviousData });

  if (settings.isError) {
    return <ErrorState title="The organisation's settings could not be loaded." detail={describeApiError(settings.error)} onRetry={() => void settings.refetch()} retrying={settings.isFetching} />;
  }
  if (list.isError && !list.data) {
    return <ErrorState title="The deployments could not be loaded." detail={describeApiError(list.error)} onRetry={() => void list.refetch()} retrying={list.isFetching} />;
  }
  if (!list.data || !window || !timeZone) return <LoadingState label="Loading deployments…" lines={6} />;

  const data = list.data;
  const scope = scopeInput(view.filters, window);
  const selectedOnPage = view.selected !== undefined && data.items.some((d) => d.id === view.selected);
  const environment = view.filters.environment ?? "production";

  return (
    <section aria-labelledby="deployments-heading" className={list.isPlaceholderData ? "records is-updating" : "records"} aria-busy={list.isPlaceholderData}>
      <div className="records-head">
        <div>
          <h2 id="deployments-heading">
            Deployments to {environment}, {formatDate(data.window.from, data.timeZone)} – {formatDate(data.window.to, data.timeZone)}
          </h2>
          <p className="muted records-note">Times in {data.timeZone}, newest first. Open a deployment to see what it shipped and why it counts as a failure.</p>
        </div>
        <CsvDownload
          noun="deployments"
          fetchCsv={() => queryClient.fetchQuery(trpc.deployments.csv.queryOptions(scope))}
          apiPath={exportPath("deployments", scope)}
          note="every deployment of the period and scope; status, kind and outcome are columns"
        />
      </div>
      {list.isError ? <p className="state-detail" role="alert">These filters could not be applied: {describeApiError(list.error)}</p> : null}
      {view.selected && !selectedOnPage ? (
        <div className="panel selected-panel" data-testid="selected-deployment">
          <DeploymentDetail id={view.selected} timeZone={timeZone} onClose={() => view.select(undefined)} standalone />
        </div>
      ) : null}
      {data.items.length === 0 ? (
        <EmptyState>
          No deployments match these filters in this period.{" "}
          {view.filters.status || view.filters.kind || view.filters.failure ? (
            <button type="button" className="link-button" onClick={() => view.setFilters({ status: "", kind: "", failure: "" })}>
              Show every status, kind and outcome
            </button>
          ) : null}
        </EmptyState>
      ) : (
        <table className="records-table" data-testid="deployments-table">
          <caption className="visually-hidden">Deployments, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Deployment</th>
              <th scope="col">Finished</th>
              <th scope="col">Service</th>
              <th scope="col">Status</th>
              <th scope="col" className="numeric">
                Changes
              </th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((d) => {
              const open = d.id === view.selected;
              const detailId = `deployment-detail-${data.items.indexOf(d)}`;
              return (
                <Fragment key={d.id}>
                  <tr className={open ? "is-open" : undefined} data-deployment={d.id}>
                    <td data-label="Deployment">
                      <button type="button" className="row-toggle" aria-expanded={open} aria-controls={open ? detailId : undefined} onClick={() => view.select(open ? undefined : d.id)}>
                        <span className="row-toggle-icon" aria-hidden="true">
                          ▸
                        </span>
                        <code>{d.id}</code>
                      </button>
                    </td>
                    <td data-label="Finished" className="nowrap">
                      {formatDateTime(d.finishedAt, data.timeZone)}
                    </td>
                    <td data-label="Service">
                      {d.service}
                      {d.team ? <span className="muted"> · {d.team}</span> : null}
                    </td>
                    <td data-label="Status">
                      <span className={`status status-${d.status}`}>{STATUS_WORDS[d.status]}</span>
                      {d.kind !== "normal" ? <span className={`kind kind-${d.kind}`}>{d.kind}</span> : null}
                    </td>
                    <td data-label="Changes" className="numeric">
                      {d.changes}
                    </td>
                    <td data-label="Outcome">
                      <Outcome changeFailure={d.changeFailure} reasons={d.failureReasons} />
                    </td>
                  </tr>
                  {open ? (
                    <tr className="detail-row">
                      <td colSpan={6} id={detailId}>
                        <DeploymentDetail id={d.id} timeZone={timeZone} onClose={() => view.select(undefined)} />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      )}
      <Pagination noun="deployments" offset={data.offset} shown={data.items.length} total={data.total} page={view.page} onPage={view.setPage} busy={list.isFetching} />
    </section>
  );
}

function Outcome({ changeFailure, reasons }: { changeFailure: boolean | null; reasons: { rule: "incident" | "commit" | "rollback" | "timeWindow"; incidentId: string | null; rollbackId: string | null }[] }) {
  if (changeFailure === null) return <span className="muted" title="Only successful deployments count in the DORA metrics">Not counted</span>;
  if (!changeFailure) return <span className="muted">No failure</span>;
  return (
    <>
      <span className="badge badge-bad">Caused a failure</span>
      <span className="outcome-reasons">{reasons.map((r) => ruleShort(r.rule, r.rule === "rollback" ? null : r.incidentId)).join("; ")}</span>
    </>
  );
}
