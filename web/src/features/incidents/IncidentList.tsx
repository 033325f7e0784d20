import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { Fragment, useState } from "react";
import { Link } from "react-router";
import { describeApiError } from "../../api/describeApiError.ts";
import { useTRPC } from "../../api/trpc.ts";
import { EmptyState, ErrorState, LoadingState } from "../../components/StateMessage.tsx";
import { formatDate, formatDateTime } from "../../format/dates.ts";
import { formatHours } from "../../format/durations.ts";
import { periodWindow, scopeInput } from "../filters/urlFilters.ts";
import { useOrgSettings } from "../org/useOrgSettings.ts";
import { CsvDownload } from "../records/CsvDownload.tsx";
import { Pagination } from "../records/Pagination.tsx";
import { incidentListInput } from "../records/recordFilters.ts";
import { deploymentHref, exportPath } from "../records/recordLinks.ts";
import { IncidentDetail } from "./IncidentDetail.tsx";
import type { IncidentView } from "./useIncidentView.ts";
import "../records/records.css";

const RULE_WORDS = { incident: "named", commit: "by commit", timeWindow: "time window" } as const;

/** The incidents open at some moment of the period, newest first; a row opens its details in place. */
export function IncidentList({ view }: { view: IncidentView }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useOrgSettings();
  const [openedAt] = useState(() => new Date());
  const timeZone = settings.data?.timeZone;
  const window = timeZone ? periodWindow(view.filters.weeks, openedAt, timeZone) : undefined;
  const input = window ? incidentListInput(view.filters, window, view.page) : undefined;
  const list = useQuery({ ...trpc.incidents.list.queryOptions(input ?? { from: "", to: "" }), enabled: input !== undefined, placeholderData: keepPreviousData });

  if (settings.isError) {
    return <ErrorState title="The organisation's settings could not be loaded." detail={describeApiError(settings.error)} onRetry={() => void settings.refetch()} retrying={settings.isFetching} />;
  }
  if (list.isError && !list.data) {
    return <ErrorState title="The incidents could not be loaded." detail={describeApiError(list.error)} onRetry={() => void list.refetch()} retrying={list.isFetching} />;
  }
  if (!list.data || !window || !timeZone) return <LoadingState label="Loading incidents…" lines={6} />;

  const data = list.data;
  const scope = scopeInput(view.filters, window);
  const environment = view.filters.environment ?? "production";
  const selectedOnPage = view.selected !== undefined && data.items.some((i) => i.id === view.selected);

  return (
    <section aria-labelledby="incidents-heading" className={list.isPlaceholderData ? "records is-updating" : "records"} aria-busy={list.isPlaceholderData}>
      <div className="records-head">
        <div>
          <h2 id="incidents-heading">
            Incidents, {formatDate(data.window.from, data.timeZone)} – {formatDate(data.window.to, data.timeZone)}
          </h2>
          <p className="muted records-note">
            Open at some moment of the period, newest first; times in {data.timeZone}.
            {environment !== "production" ? ` Only incidents attributed to a ${environment} deployment.` : ""}
          </p>
        </div>
        <CsvDownload
          noun="incidents"
          fetchCsv={() => queryClient.fetchQuery(trpc.incidents.csv.queryOptions(scope))}
          apiPath={exportPath("incidents", scope)}
          note="every incident of the period and scope; severity and state are columns"
        />
      </div>
      {list.isError ? <p className="state-detail" role="alert">These filters could not be applied: {describeApiError(list.error)}</p> : null}
      {view.selected && !selectedOnPage ? (
        <div className="panel selected-panel" data-testid="selected-incident">
          <IncidentDetail id={view.selected} environment={environment} timeZone={timeZone} onClose={() => view.select(undefined)} standalone />
        </div>
      ) : null}
      {data.items.length === 0 ? (
        <EmptyState>
          No incidents match these filters in this period.{" "}
          {view.filters.severity || view.filters.state ? (
            <button type="button" className="link-button" onClick={() => view.setFilters({ severity: "", state: "" })}>
              Show every severity and state
            </button>
          ) : null}
        </EmptyState>
      ) : (
        <table className="records-table" data-testid="incidents-table">
          <caption className="visually-hidden">Incidents, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Incident</th>
              <th scope="col">Opened</th>
              <th scope="col">Service</th>
              <th scope="col">Severity</th>
              <th scope="col">Recovery</th>
              <th scope="col">Caused by</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((i, index) => {
              const open = i.id === view.selected;
              const detailId = `incident-detail-${index}`;
              return (
                <Fragment key={i.id}>
                  <tr className={open ? "is-open" : undefined} data-incident={i.id}>
                    <td data-label="Incident">
                      <button type="button" className="row-toggle" aria-expanded={open} aria-controls={open ? detailId : undefined} onClick={() => view.select(open ? undefined : i.id)}>
                        <span className="row-toggle-icon" aria-hidden="true">
                          ▸
                        </span>
                        <code>{i.id}</code>
                      </button>
                      {i.title ? <span className="record-title">{i.title}</span> : null}
                    </td>
                    <td data-label="Opened" className="nowrap">
                      {formatDateTime(i.openedAt, data.timeZone)}
                    </td>
                    <td data-label="Service">
                      {i.service ?? <span className="muted">No service</span>}
                      {i.team ? <span className="muted"> · {i.team}</span> : null}
                    </td>
                    <td data-label="Severity">{i.severity ? <span className="severity">{i.severity}</span> : <span className="muted">–</span>}</td>
                    <td data-label="Recovery" className="nowrap">
                      {i.recoveryHours !== null ? (
                        formatHours(i.recoveryHours)
                      ) : (
                        <span className="badge badge-open">Open for {formatHours((openedAt.getTime() - Date.parse(i.openedAt)) / 3_600_000)}</span>
                      )}
                    </td>
                    <td data-label="Caused by">
                      {i.attributedTo.length > 0 ? (
                        i.attributedTo.map((a) => (
                          <span key={a.deploymentId} className="caused-by">
                            <Link to={deploymentHref(a.deploymentId)}>{a.deploymentId}</Link> <span className="muted">({RULE_WORDS[a.rule]})</span>
                          </span>
                        ))
                      ) : i.notCausedByChange ? (
                        <span className="muted">Not a change</span>
                      ) : (
                        <span className="muted">No deployment</span>
                      )}
                    </td>
                  </tr>
                  {open ? (
                    <tr className="detail-row">
                      <td colSpan={6} id={detailId}>
                        <IncidentDetail id={i.id} environment={environment} timeZone={timeZone} onClose={() => view.select(undefined)} />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      )}
      <Pagination noun="incidents" offset={data.offset} shown={data.items.length} total={data.total} page={view.page} onPage={view.setPage} busy={list.isFetching} />
    </section>
  );
}
