// The weekly report's DORA table: each metric's value this week, its level, the previous week and
// the change, in words. Pure: the same figures give the same cells.
import { formatDecimal, formatHours, formatHoursChange, formatPercent, formatPointsChange } from "@keel/shared/numbers";
import { metricLabel } from "@keel/shared/metricCatalogue";
import type { WeeklyReportData } from "../costs/apiTypes.ts";

type Dora = WeeklyReportData["dora"]["summary"];

export interface DoraRow {
  metric: string;
  thisWeek: string;
  level: string;
  previous: string;
  change: string;
}

const DASH = "–";
const hours = (h: number | null) => (h === null ? DASH : formatHours(h));
const share = (r: number | null) => (r === null ? DASH : formatPercent(r));
const hoursChange = (h: number | null) => (h === null ? DASH : formatHoursChange(h));
const pointsChange = (r: number | null) => (r === null ? DASH : formatPointsChange(r));

function countChange(n: number): string {
  return n === 0 ? "±0" : n > 0 ? `+${n}` : `−${Math.abs(n)}`;
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
      thisWeek: `${df.deployments} deployments (${formatDecimal(df.perDay, 2)} a day)`,
      level: df.level ?? DASH,
      previous: `${df.previous.deployments} (${formatDecimal(df.previous.perDay, 2)} a day)`,
      change: df.change.deployments === null ? DASH : countChange(df.change.deployments),
    },
    {
      metric: metricLabel("leadTime"),
      thisWeek: hours(lt.medianHours),
      level: lt.level ?? DASH,
      previous: hours(lt.previous.medianHours),
      change: hoursChange(lt.change.medianHours),
    },
    {
      metric: metricLabel("changeFailureRate"),
      thisWeek: `${share(cfr.rate)} (${cfr.failed} of ${cfr.deployments})`,
      level: cfr.level ?? DASH,
      previous: `${share(cfr.previous.rate)} (${cfr.previous.failed} of ${cfr.previous.deployments})`,
      change: pointsChange(cfr.change.rate),
    },
    {
      metric: metricLabel("recoveryTime"),
      thisWeek: `${hours(rt.medianHours)} (${rt.incidents} resolved, ${rt.open} open)`,
      level: rt.level ?? DASH,
      previous: hours(rt.previous.medianHours),
      change: hoursChange(rt.change.medianHours),
    },
    {
      metric: metricLabel("reworkRate"),
      thisWeek: `${share(rw.rate)} (${rw.rework} of ${rw.deployments})`,
      level: "no levels",
      previous: `${share(rw.previous.rate)} (${rw.previous.rework} of ${rw.previous.deployments})`,
      change: pointsChange(rw.change.rate),
    },
  ];
}
