// "Is our debt allocation paying off?" in one sentence, from the investment balance's numbers only:
// the team's debt share against its target over the window (investmentBalance.ts's rule), and the
// direction of its weekly hours lost (trendOf: the mean of the first third of the weeks against the
// last third, within 5% counted as flat). It states what moved together; it claims no more than that.
import { countOf, formatHours, formatPercent } from "@keel/shared/numbers";
import { debtShareFormula, meetsDebtTarget } from "./investmentBalance.ts";
import { shareFig, type Summary } from "./summaryParts.ts";

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
  if (meetsDebtTarget(p.debtShare, p.target)) {
    if (p.trend.direction === "falling") return `So far, yes: ${p.name} ${debt}, and ${hours}.`;
    if (p.trend.direction === "rising") return `Not yet: ${p.name} ${debt}, but ${hours}.`;
    return `Not clearly: ${p.name} ${debt}, and ${hours}.`;
  }
  return `${p.name} is below its debt target: it ${debt}, ${p.trend.direction === "falling" ? "yet" : "and"} ${hours}.`;
}

/** The sentence as a business summary, with its figures and "how this was computed". */
export function payingOffSummary(p: PayingOffInput & { team: string }, costModel: string): Summary {
  const figures = [...(p.debtShare === null ? [] : [shareFig(`${p.team}.debtShare`, p.debtShare)]), shareFig(`${p.team}.target`, p.target)];
  return {
    id: "payingOff",
    text: payingOffSentence(p),
    figures,
    howComputed: {
      formula: [
        `${debtShareFormula("the weeks shown")}; at the target when at least the target`,
        "hours lost trend = mean weekly hours lost of the last third of the weeks against the first third; within 5% is flat",
      ],
      inputs: [
        { name: "changes", value: p.changes, unit: "changes" },
        { name: "debt share", value: p.debtShare, unit: "fraction" },
        { name: "debt target", value: p.target, unit: "fraction" },
        { name: "weekly hours lost, first third", value: p.trend?.first ?? null, unit: "hours" },
        { name: "weekly hours lost, last third", value: p.trend?.last ?? null, unit: "hours" },
      ],
      costModel,
    },
  };
}
