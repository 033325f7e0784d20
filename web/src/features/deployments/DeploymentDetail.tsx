import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { useTRPC } from "../../api/trpc.ts";
import { DataTable } from "../../components/DataTable.tsx";
import { countOf, formatDuration } from "@keel/shared/numbers";
import { attributionWindowText, deploymentCauseSentence } from "../records/attributionText.ts";
import { RecordDetailHead, RecordDetailPending } from "../records/RecordList.tsx";
import { Fact, ToolLinkFact } from "../../components/Fact.tsx";
import { deploymentHref, incidentHref } from "../records/recordLinks.ts";
import { formatDateTimeIn } from "@keel/shared/calendar";

interface DeploymentDetailProps {
  id: string;
  timeZone: string;
  onClose: () => void;
  /** Shown on its own above the list (opened from a link), not inside its row. */
  standalone?: boolean;
}

/** One deployment: why it counts as a failed change (or not), what it shipped, what it rolled back or fixed. */
export function DeploymentDetail({ id, timeZone, onClose, standalone = false }: DeploymentDetailProps) {
  const trpc = useTRPC();
  const detail = useQuery(trpc.deployments.get.queryOptions({ id }));
  if (detail.isPending || detail.isError) return <RecordDetailPending kind="Deployment" id={id} query={detail} />;
  const { deployment: d, causes, changes, rollbackOf, remediates, attributionWindowHours } = detail.data;

  return (
    <div className="record-detail" data-testid="deployment-detail" data-deployment={d.id}>
      <RecordDetailHead kind="Deployment" id={d.id} standalone={standalone} shown={detail.data} onClose={onClose} />
      <dl className="facts">
        <Fact term="Service">
          {d.service}
          {d.team ? <span className="muted"> (team {d.team})</span> : null} to {d.environment}
        </Fact>
        <Fact term="Finished">
          {formatDateTimeIn(d.finishedAt, timeZone)}
          {d.startedAt ? <span className="muted"> (started {formatDateTimeIn(d.startedAt, timeZone)})</span> : null}
        </Fact>
        <Fact term="Status">
          {d.status}, {d.kind}
        </Fact>
        {d.commitSha ? (
          <Fact term="Commit">
            <code>{d.commitSha}</code>
            {d.repository ? <span className="muted"> in {d.repository}</span> : null}
          </Fact>
        ) : null}
        {rollbackOf ? (
          <Fact term="Rolls back">
            <Link to={deploymentHref(rollbackOf.id)}>{rollbackOf.id}</Link> <span className="muted">({formatDateTimeIn(rollbackOf.finishedAt, timeZone)})</span>
          </Fact>
        ) : null}
        {remediates ? (
          <Fact term="Fixes incident">
            <Link to={incidentHref(remediates.id)}>{remediates.id}</Link>
            {remediates.title ? <span className="muted"> {remediates.title}</span> : null}
          </Fact>
        ) : d.remediatesIncidentId ? (
          <Fact term="Fixes incident">
            <code>{d.remediatesIncidentId}</code> <span className="muted">(not received by Keel)</span>
          </Fact>
        ) : null}
        <ToolLinkFact url={d.url} tool="deployment" />
      </dl>

      <h4>Change failure</h4>
      {d.changeFailure === null ? (
        <p>This deployment did not succeed, so it counts in no DORA metric.</p>
      ) : causes.length === 0 ? (
        <p>
          It caused no failure: no incident names it or a commit it first shipped, it was not rolled back, and no incident without a named cause opened after it
          (within {attributionWindowText(attributionWindowHours)}) before the next deployment of {d.service}.
        </p>
      ) : (
        <ul className="causes" data-testid="failure-causes">
          {causes.map((cause, i) => (
            <li key={i}>
              <span className="badge badge-bad">{cause.rule === "timeWindow" ? "time window" : cause.rule === "commit" ? "commit" : cause.rule}</span>{" "}
              {deploymentCauseSentence(cause, d, attributionWindowHours)}{" "}
              {cause.incident ? (
                <Link to={incidentHref(cause.incident.id)}>
                  Open {cause.incident.id}
                  {cause.incident.title ? `: ${cause.incident.title}` : ""}
                </Link>
              ) : null}
              {cause.rollback ? <Link to={deploymentHref(cause.rollback.id)}>Open {cause.rollback.id}</Link> : null}
            </li>
          ))}
        </ul>
      )}

      <h4>{changes.length === 0 ? "Changes" : `${countOf(changes.length, "change")} shipped`}</h4>
      {changes.length === 0 ? (
        <p className="muted">It listed no commits (rollbacks usually do not), so it adds nothing to lead time.</p>
      ) : (
        <DataTable
          caption={`Changes shipped by ${d.id}`}
          captionHidden
          className="changes-table"
          rows={changes}
          rowKey={(c) => `${c.repository}:${c.sha}`}
          columns={[
            {
              key: "commit",
              header: "Commit",
              cell: (c) => (
                <>
                  <code>{c.sha.slice(0, 8)}</code> {c.title ?? <span className="muted">(no title)</span>}
                  {c.prNumber ? <span className="muted"> #{c.prNumber}</span> : null}
                </>
              ),
            },
            { key: "category", header: "Category", cell: (c) => <span className={`category category-${c.category}`}>{c.category}</span> },
            { key: "committed", header: "Committed", className: "nowrap", cell: (c) => formatDateTimeIn(c.committedAt, timeZone) },
            {
              key: "leadTime",
              header: "Lead time",
              cell: (c) => <LeadTime countedHere={c.countedHere} firstDeploymentId={c.firstDeploymentId} hours={c.leadTimeHours} />,
            },
          ]}
        />
      )}
    </div>
  );
}

function LeadTime({ countedHere, firstDeploymentId, hours }: { countedHere: boolean; firstDeploymentId: string | null; hours: number | null }) {
  if (firstDeploymentId === null || hours === null) return <span className="muted">Not counted</span>;
  if (hours < 0) return <span className="muted">Left out: committed after it was deployed</span>;
  if (!countedHere) {
    return (
      <span className="muted">
        {formatDuration(hours)}, counted at <Link to={deploymentHref(firstDeploymentId)}>{firstDeploymentId}</Link> (first shipped there)
      </span>
    );
  }
  return <>{formatDuration(hours)}</>;
}
