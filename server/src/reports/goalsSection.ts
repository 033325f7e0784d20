// The weekly report's Goals section: each goal's title, metric, scope, current value (the 4 full
// weeks ending with the report's week), target, date and status (rules in docs/metrics.md "Goals").
import { formatGoalValue } from "@keel/shared";
import type { WeeklyReport } from "../services/getWeeklyReport.ts";
import type { ReportBlock as Block } from "@keel/shared/reportBlocks";

export function goalsBlocks(r: WeeklyReport): Block[] {
  const heading: Block = { kind: "heading", level: 2, text: "Goals", id: "goals" };
  if (r.goals.length === 0) return [heading, { kind: "paragraph", text: "No goals were set. Editors add them on the Overview." }];
  const window = r.goals[0]?.window;
  return [
    heading,
    {
      kind: "paragraph",
      text: `Current values over the 4 full weeks ${window?.from} to ${window?.to} (exclusive); status against a straight line from each goal's baseline to its target.`,
    },
    {
      kind: "table",
      head: ["goal", "metric", "scope", "current", "target", "by", "status"],
      numeric: [false, false, false, true, true, false, false],
      rows: r.goals.map((g) => ({
        cells: [
          g.title,
          g.metricLabel,
          g.team ? `team ${g.team}` : g.service ? `service ${g.service}` : "organisation",
          formatGoalValue(g.metric, g.current),
          `${g.better === "lower" ? "≤" : "≥"} ${formatGoalValue(g.metric, g.target)}`,
          g.by,
          g.status,
        ],
        ids: [null, null, null, null, null, null, "goal-status"],
      })),
    },
  ];
}
