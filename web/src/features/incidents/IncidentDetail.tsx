import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { useTRPC } from "../../api/trpc.ts";
import { HOUR_MS, formatDateTimeIn } from "@keel/shared/calendar";
import { formatDuration } from "@keel/shared/numbers";
import { incidentAttributionSentence, unattributedSentence } from "../records/attributionText.ts";
import { RecordDetailHead, RecordDetailPending } from "../records/RecordList.tsx";
import { Fact, ToolLinkFact } from "../../components/Fact.tsx";
import { deploymentHref } from "../records/recordLinks.ts";

interface IncidentDetailProps {
  id: string;
  /** Attribution is to successful deployments of this environment. */
  environment: string;
  timeZone: string;
  onClose: () => void;
  /** Shown on its own above the list (opened from a link), not inside its row. */
  standalone?: boolean;
}

/** One incident: its timeline, the deployment it counts against and why (or why none), what fixed it. */
export function IncidentDetail({ id, environment, timeZone, onClose, standalone = false }: IncidentDetailProps) {
  const trpc = useTRPC();
  const detail = useQuery(trpc.incidents.get.queryOptions({ id, environment }));
  if (detail.isPending || detail.isError) return <RecordDetailPending kind="Incident" id={id} query={detail} />;
  const { incident: i, namedDeployment, remediatedBy, attributionWindowHours } = detail.data;

  return (
    <div className="record-detail" data-testid="incident-detail" data-incident={i.id}>
      <RecordDetailHead
        kind="Incident"
        id={i.id}
        title={i.title ? <span className="record-detail-title"> {i.title}</span> : null}
        standalone={standalone}
        shown={detail.data}
        onClose={onClose}
      />
      <dl className="facts">
        <Fact term="Service">
          {i.service ?? <span className="muted">none</span>}
          {i.team ? <span className="muted"> (team {i.team})</span> : null}
          {i.severity ? `, ${i.severity}` : ""}
        </Fact>
        <Fact term="Opened">{formatDateTimeIn(i.openedAt, timeZone)}</Fact>
        {i.acknowledgedAt ? (
          <Fact term="Acknowledged">
            {formatDateTimeIn(i.acknowledgedAt, timeZone)}{" "}
            <span className="muted">({formatDuration((Date.parse(i.acknowledgedAt) - Date.parse(i.openedAt)) / HOUR_MS)} after)</span>
          </Fact>
        ) : null}
        <Fact term="Resolved">
          {i.resolvedAt ? (
            <>
              {formatDateTimeIn(i.resolvedAt, timeZone)} <span className="muted">(recovery {formatDuration(i.recoveryHours ?? 0)})</span>
            </>
          ) : (
            <span className="badge badge-open">Still open</span>
          )}
        </Fact>
        <Fact term="Responders">{i.responders ?? <span className="muted">not reported (the cost model assumes its default)</span>}</Fact>
        <ToolLinkFact url={i.url} tool="incident" />
      </dl>

      <h4>Caused by</h4>
      {i.attributedTo.length === 0 ? (
        <p data-testid="attribution">{unattributedSentence({ ...i, namedDeployment }, environment, attributionWindowHours)}</p>
      ) : (
        <ul className="causes" data-testid="attribution">
          {i.attributedTo.map((a) => (
            <li key={a.deploymentId}>
              <Link to={deploymentHref(a.deploymentId)}>{a.deploymentId}</Link>{" "}
              <span className="muted">
                ({a.service}, finished {formatDateTimeIn(a.finishedAt, timeZone)})
              </span>
              <br />
              {incidentAttributionSentence(a, i, environment, attributionWindowHours)}
            </li>
          ))}
        </ul>
      )}

      {remediatedBy.length > 0 ? (
        <>
          <h4>Fixed by</h4>
          <ul className="causes">
            {remediatedBy.map((d) => (
              <li key={d.id}>
                <Link to={deploymentHref(d.id)}>{d.id}</Link>{" "}
                <span className="muted">
                  ({d.kind}, {formatDateTimeIn(d.finishedAt, timeZone)})
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
