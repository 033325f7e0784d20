// The weekly report's Goals: each goal's title, metric, scope, current value (the 4 full weeks
// ending with the report's week), target, date and status, as in the Markdown and HTML report.
import { formatGoalValue } from "@keel/shared/goalMetrics";
import { DataTable } from "../../components/DataTable.tsx";
import type { WeeklyReportData } from "../costs/apiTypes.ts";
import { GoalStatusBadge } from "../goals/GoalStatusBadge.tsx";
import { goalScopeText, goalTargetText } from "../goals/goalText.ts";
import "../goals/goals.css";

export function ReportGoals({ r }: { r: WeeklyReportData }) {
  const window = r.goals[0]?.window;
  return (
    <section className="panel" aria-labelledby="report-goals" data-testid="report-goals">
      <h2 id="report-goals">Goals</h2>
      {r.goals.length === 0 ? (
        <p className="muted">No goals were set. Editors add them on the Overview.</p>
      ) : (
        <>
          <p className="muted">
            Current values over the 4 full weeks {window?.from} to {window?.to} (exclusive).
          </p>
          <DataTable
            rows={r.goals}
            rowKey={(g) => g.id}
            columns={[
              { key: "title", header: "Goal", rowHeader: true, cell: (g) => g.title },
              { key: "metric", header: "Metric", cell: (g) => g.metricLabel },
              { key: "scope", header: "Scope", cell: (g) => goalScopeText(g) },
              { key: "current", header: "Current", numeric: true, cell: (g) => formatGoalValue(g.metric, g.current) },
              { key: "target", header: "Target", numeric: true, cell: (g) => goalTargetText(g) },
              { key: "by", header: "By", cell: (g) => g.by },
              { key: "status", header: "Status", cell: (g) => <GoalStatusBadge status={g.status} /> },
            ]}
          />
        </>
      )}
    </section>
  );
}
