// The weekly report's DORA table: each metric's value this week, its level, the previous week and
// the change, in words. Names and whether a metric has levels are the metric catalogue's. Pure: the
// same figures give the same cells.
import { metricLabel } from "@keel/shared/metricCatalogue";
import type { ReportBlock } from "@keel/shared/reportBlocks";
import { countOf, formatDecimal } from "@keel/shared/numbers";
import type { WeeklyReport } from "../services/getWeeklyReport.ts";
import { countChange, hoursCell, hoursChange, levelCell, pct, points } from "./reportCells.ts";

type Dora = WeeklyReport["dora"]["summary"];

export interface DoraRow {
  metric: string;
  thisWeek: string;
  level: string;
  previous: string;
  change: string;
}

export function doraRows(s: Dora): DoraRow[] {
  const df = s.deploymentFrequency;
  const lt = s.leadTime;
  const cfr = s.changeFailureRate;
  const rt = s.recoveryTime;
  const rw = s.reworkRate;
  return [
    {
      metric: metricLabel("deploymentFrequency"),
      thisWeek: `${countOf(df.deployments, "deployment")} (${formatDecimal(df.perDay, 2)} a day)`,
      level: levelCell("deploymentFrequency", df.level),
      previous: `${df.previous.deployments} (${formatDecimal(df.previous.perDay, 2)} a day)`,
      change: countChange(df.change.deployments),
    },
    {
      metric: metricLabel("leadTime"),
      thisWeek: hoursCell(lt.medianHours),
      level: levelCell("leadTime", lt.level),
      previous: hoursCell(lt.previous.medianHours),
      change: hoursChange(lt.change.medianHours),
    },
    {
      metric: metricLabel("changeFailureRate"),
      thisWeek: `${pct(cfr.rate)} (${cfr.failed} of ${cfr.deployments})`,
      level: levelCell("changeFailureRate", cfr.level),
      previous: `${pct(cfr.previous.rate)} (${cfr.previous.failed} of ${cfr.previous.deployments})`,
      change: points(cfr.change.rate),
    },
    {
      metric: metricLabel("recoveryTime"),
      thisWeek: `${hoursCell(rt.medianHours)} (${rt.incidents} resolved, ${rt.open} open)`,
      level: levelCell("recoveryTime", rt.level),
      previous: hoursCell(rt.previous.medianHours),
      change: hoursChange(rt.change.medianHours),
    },
    {
      metric: metricLabel("reworkRate"),
      thisWeek: `${pct(rw.rate)} (${rw.rework} of ${rw.deployments})`,
      level: levelCell("reworkRate", null),
      previous: `${pct(rw.previous.rate)} (${rw.previous.rework} of ${rw.previous.deployments})`,
      change: points(rw.change.rate),
    },
  ];
}

export function doraTable(r: Pick<WeeklyReport, "dora">): ReportBlock {
  return {
    kind: "table",
    head: ["metric", "this week", "level", "previous week", "change"],
    numeric: [false, true, false, true, true],
    rows: doraRows(r.dora.summary).map((row) => ({ cells: [row.metric, row.thisWeek, row.level, row.previous, row.change] })),
  };
}
