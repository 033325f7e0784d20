import { Link } from "react-router";
import { useTRPC } from "../../api/trpc.ts";
import { HOUR_MS, formatDateTimeIn } from "@keel/shared/calendar";
import { formatDuration } from "@keel/shared/numbers";
import { scopeInput } from "../filters/urlFilters.ts";
import { RecordListPending, RecordRow, RecordsSection, RecordsTable } from "../records/RecordList.tsx";
import { useRecordList } from "../records/useRecordList.ts";
import { incidentListInput } from "../records/recordFilters.ts";
import { deploymentHref } from "../records/recordLinks.ts";
import { IncidentDetail } from "./IncidentDetail.tsx";
import type { IncidentView } from "./useIncidentView.ts";

const RULE_WORDS = { incident: "named", commit: "by commit", timeWindow: "time window" } as const;
const COLUMNS = ["Incident", "Opened", "Service", "Severity", "Recovery", "Caused by"];

/** The incidents open at some moment of the period, newest first; a row opens its details in place. */
export function IncidentList({ view }: { view: IncidentView }) {
  const trpc = useTRPC();
  const { settings, openedAt, timeZone, window, list } = useRecordList(view, incidentListInput, (input) =>
    trpc.incidents.list.queryOptions(input ?? { from: "", to: "" }),
  );

  if (settings.isError || !list.data || !window || !timeZone) return <RecordListPending noun="incidents" settings={settings} list={list} />;

  const data = list.data;
  const environment = view.filters.environment ?? "production";
  const detail = (id: string, standalone: boolean) => (
    <IncidentDetail id={id} environment={environment} timeZone={timeZone} onClose={() => view.select(undefined)} standalone={standalone} />
  );

  return (
    <RecordsSection
      noun="incidents"
      title="Incidents"
      note={`Open at some moment of the period, newest first; times in ${data.timeZone}.${environment !== "production" ? ` Only incidents attributed to a ${environment} deployment.` : ""}`}
      scope={scopeInput(view.filters, window)}
      csvNote="every incident of the period and scope; severity and state are columns"
      list={list}
      data={data}
      view={view}
      detail={detail}
      reset={
        view.filters.severity || view.filters.state
          ? { label: "Show every severity and state", clear: () => view.setFilters({ severity: "", state: "" }) }
          : undefined
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
            detail={detail(i.id, false)}
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
