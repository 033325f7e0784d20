// "Is our debt allocation paying off?" in one sentence, from the API's numbers only: the team's
// debt share against its target over the window, and the direction of its weekly hours lost
// (the API's trend: the mean of the first third of the weeks against the last third, within 5%
// counted as flat). It states what moved together; it claims no more than that.
import { countOf, formatHours, formatPercent } from "@keel/shared/numbers";

export interface PayingOffInput {
  name: string;
  changes: number;
  debtShare: number | null;
  target: number;
  trend: { first: number; last: number; direction: "rising" | "falling" | "flat" } | null;
}

function hoursTrend(trend: NonNullable<PayingOffInput["trend"]>): string {
  const span = `${formatHours(trend.first)} to ${formatHours(trend.last)} a week`;
  if (trend.direction === "falling") return `its hours lost fell from ${span}`;
  if (trend.direction === "rising") return `its hours lost rose from ${span}`;
  return `its hours lost stayed flat (${span})`;
}

export function payingOffSentence(p: PayingOffInput): string {
  if (p.debtShare === null || p.changes === 0) return `${p.name} made no changes in these weeks, so there is no debt share to judge yet.`;
  const debt = `put ${formatPercent(p.debtShare)} of its ${countOf(p.changes, "change")} into debt (target ${formatPercent(p.target)})`;
  if (p.trend === null) return `Too early to tell: ${p.name} ${debt}, but there are too few weeks to see a trend in its hours lost.`;
  const hours = hoursTrend(p.trend);
  if (p.debtShare >= p.target) {
    if (p.trend.direction === "falling") return `So far, yes: ${p.name} ${debt}, and ${hours}.`;
    if (p.trend.direction === "rising") return `Not yet: ${p.name} ${debt}, but ${hours}.`;
    return `Not clearly: ${p.name} ${debt}, and ${hours}.`;
  }
  return `${p.name} is below its debt target: it ${debt}, ${p.trend.direction === "falling" ? "yet" : "and"} ${hours}.`;
}
