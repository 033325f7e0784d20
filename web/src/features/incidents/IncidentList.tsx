import { HOUR_MS } from "@keel/shared/calendar";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { useTRPC } from "../../api/trpc.ts";
import { formatDuration } from "@keel/shared/numbers";
import { scopeInput } from "../filters/urlFilters.ts";
import { RecordListPending, RecordRow, RecordsSection, RecordsTable, useListPeriod } from "../records/RecordList.tsx";
import { incidentListInput } from "../records/recordFilters.ts";
import { deploymentHref, exportPath } from "../records/recordLinks.ts";
import { IncidentDetail } from "./IncidentDetail.tsx";
import type { IncidentView } from "./useIncidentView.ts";
import "../records/records.css";
import { formatDateIn, formatDateTimeIn } from "../../format/calendar.ts";

const RULE_WORDS = { incident: "named", commit: "by commit", timeWindow: "time window" } as const;
const COLUMNS = ["Incident", "Opened", "Service", "Severity", "Recovery", "Caused by"];

/** The incidents open at some moment of the period, newest first; a row opens its details in place. */
export function IncidentList({ view }: { view: IncidentView }) {
  const trpc = useTRPC();
  const { settings, openedAt, timeZone, window } = useListPeriod(view.filters.weeks);
  const input = window ? incidentListInput(view.filters, window, view.page) : undefined;
  const list = useQuery({
    ...trpc.incidents.list.queryOptions(input ?? { from: "", to: "" }),
    enabled: input !== undefined,
    placeholderData: keepPreviousData,
  });

  if (settings.isError || !list.data || !window || !timeZone) return <RecordListPending noun="incidents" settings={settings} list={list} />;

  const data = list.data;
  const scope = scopeInput(view.filters, window);
  const environment = view.filters.environment ?? "production";
  const selectedOnPage = view.selected !== undefined && data.items.some((i) => i.id === view.selected);

  return (
    <RecordsSection
      noun="incidents"
      heading={`Incidents, ${formatDateIn(data.window.from, data.timeZone)} – ${formatDateIn(data.window.to, data.timeZone)}`}
      note={`Open at some moment of the period, newest first; times in ${data.timeZone}.${environment !== "production" ? ` Only incidents attributed to a ${environment} deployment.` : ""}`}
      csv={{
        apiPath: exportPath("incidents", scope),
        note: "every incident of the period and scope; severity and state are columns",
      }}
      list={list}
      data={data}
      view={view}
      selected={
        view.selected && !selectedOnPage ? (
          <IncidentDetail id={view.selected} environment={environment} timeZone={timeZone} onClose={() => view.select(undefined)} standalone />
        ) : null
      }
      empty={
        <>
          No incidents match these filters in this period.{" "}
          {view.filters.severity || view.filters.state ? (
            <button type="button" className="link-button" onClick={() => view.setFilters({ severity: "", state: "" })}>
              Show every severity and state
            </button>
          ) : null}
        </>
      }
    >
      <RecordsTable noun="incidents" caption="Incidents, newest first" columns={COLUMNS}>
        {data.items.map((i, index) => (
          <RecordRow
            key={i.id}
            noun="incidents"
            id={i.id}
            index={index}
            columns={COLUMNS.length}
            view={view}
            title={i.title ? <span className="record-title">{i.title}</span> : null}
            detail={<IncidentDetail id={i.id} environment={environment} timeZone={timeZone} onClose={() => view.select(undefined)} />}
          >
            <td data-label="Opened" className="nowrap">
              {formatDateTimeIn(i.openedAt, data.timeZone)}
            </td>
            <td data-label="Service">
              {i.service ?? <span className="muted">No service</span>}
              {i.team ? <span className="muted"> · {i.team}</span> : null}
            </td>
            <td data-label="Severity">{i.severity ? <span className="severity">{i.severity}</span> : <span className="muted">–</span>}</td>
            <td data-label="Recovery" className="nowrap">
              {i.recoveryHours !== null ? (
                formatDuration(i.recoveryHours)
              ) : (
                <span className="badge badge-open">Open for {formatDuration((openedAt.getTime() - Date.parse(i.openedAt)) / HOUR_MS)}</span>
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
          </RecordRow>
        ))}
      </RecordsTable>
    </RecordsSection>
  );
}
