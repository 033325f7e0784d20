import { useTRPC } from "../../api/trpc.ts";
import { scopeInput } from "../filters/urlFilters.ts";
import { ruleShort, type Rule } from "../records/attributionText.ts";
import { RecordListPending, RecordRow, RecordsSection, RecordsTable } from "../records/RecordList.tsx";
import { useRecordList } from "../records/useRecordList.ts";
import { deploymentListInput } from "../records/recordFilters.ts";
import { DeploymentDetail } from "./DeploymentDetail.tsx";
import type { DeploymentView } from "./useDeploymentView.ts";
import { formatDateTimeIn } from "@keel/shared/calendar";

const STATUS_WORDS = { success: "Succeeded", failure: "Failed", cancelled: "Cancelled" } as const;
const COLUMNS = ["Deployment", "Finished", "Service", "Status", "Changes", "Outcome"];

/** The deployments of the period, newest first, a page at a time; a row opens its details in place. */
export function DeploymentList({ view }: { view: DeploymentView }) {
  const trpc = useTRPC();
  const { settings, timeZone, window, list } = useRecordList(view, deploymentListInput, (input) =>
    trpc.deployments.list.queryOptions(input ?? { from: "", to: "" }),
  );

  if (settings.isError || !list.data || !window || !timeZone) return <RecordListPending noun="deployments" settings={settings} list={list} />;

  const data = list.data;
  const detail = (id: string, standalone: boolean) => (
    <DeploymentDetail id={id} timeZone={timeZone} onClose={() => view.select(undefined)} standalone={standalone} />
  );
  const environment = view.filters.environment ?? "production";

  return (
    <RecordsSection
      noun="deployments"
      title={`Deployments to ${environment}`}
      note={`Times in ${data.timeZone}, newest first. Open a deployment to see what it shipped and why it counts as a failure.`}
      scope={scopeInput(view.filters, window)}
      csvNote="every deployment of the period and scope; status, kind and outcome are columns"
      list={list}
      data={data}
      view={view}
      detail={detail}
      reset={
        view.filters.status || view.filters.kind || view.filters.failure
          ? { label: "Show every status, kind and outcome", clear: () => view.setFilters({ status: "", kind: "", failure: "" }) }
          : undefined
      }
    >
      <RecordsTable noun="deployments" caption="Deployments, newest first" columns={COLUMNS} numeric={["Changes"]}>
        {data.items.map((d, index) => (
          <RecordRow key={d.id} noun="deployments" id={d.id} index={index} columns={COLUMNS.length} view={view} detail={detail(d.id, false)}>
            <td data-label="Finished" className="nowrap">
              {formatDateTimeIn(d.finishedAt, data.timeZone)}
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
          </RecordRow>
        ))}
      </RecordsTable>
    </RecordsSection>
  );
}

function Outcome({
  changeFailure,
  reasons,
}: {
  changeFailure: boolean | null;
  reasons: { rule: Rule; incidentId: string | null; rollbackId: string | null; revertSha: string | null }[];
}) {
  if (changeFailure === null)
    return (
      <span className="muted" title="Only successful deployments count in the DORA metrics">
        Not counted
      </span>
    );
  if (!changeFailure) return <span className="muted">No failure</span>;
  return (
    <>
      <span className="badge badge-bad">Caused a failure</span>
      <span className="outcome-reasons">
        {reasons.map((r) => ruleShort(r.rule, r.rule === "revert" ? r.revertSha : r.rule === "rollback" ? null : r.incidentId)).join("; ")}
      </span>
    </>
  );
}
