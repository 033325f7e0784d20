// The share of a team's changes per category each week, as 100% stacked bars, with the debt
// target as a line. Debt sits at the bottom of the stack so its height reads directly against the
// target; "unclassified" (the other category) is always drawn, never hidden.
import { countOf, formatPercent } from "@keel/shared/numbers";
import { possessive } from "../../format/text.ts";
import type { EChartsOption } from "../echarts.ts";
import { chartInk, okabeIto } from "../palette.ts";
import { gridWithLegend, tooltipLine, tooltipTitle } from "./chartParts.ts";
import { stackedBar, valueAxis, weekOf, weeklyBarsFrame, weekSpan } from "./weeklyBars.ts";

export type CategoryName = "debt" | "feature" | "bug" | "unplanned" | "other";

export interface ShareWeek {
  bucketStart: string;
  changes: number;
  /** Fractions of the week's changes; null when the week had no change. */
  shares: Record<CategoryName, number | null>;
}

// Colours apart from the hours-lost chart drawn beside this one (blue, vermillion, orange), except
// unplanned work, which shares change failures' vermillion: it is mostly their remediation.
export const INVESTMENT_CATEGORIES: readonly { key: CategoryName; label: string; color: string }[] = [
  { key: "debt", label: "Debt", color: okabeIto.bluishGreen },
  { key: "feature", label: "Feature", color: okabeIto.skyBlue },
  { key: "bug", label: "Bug", color: okabeIto.reddishPurple },
  { key: "unplanned", label: "Unplanned", color: okabeIto.vermillion },
  { key: "other", label: "Unclassified", color: "#a4acb4" },
];

const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

export function shareWeekTooltip(week: ShareWeek, target: number): string {
  const title = tooltipTitle(`${weekOf(week)}: ${countOf(week.changes, "change")}`);
  if (week.changes === 0) return `${title}No changes this week.`;
  return [
    title,
    ...INVESTMENT_CATEGORIES.map((c) => tooltipLine(c.color, c.label, formatPercent(week.shares[c.key] ?? 0))),
    tooltipLine(null, "Debt target", formatPercent(target)),
  ].join("");
}

/** 100% stacked bars per week (in percent), debt first, and the target as a dashed line on debt. */
export function investmentSharesOption(weeks: ShareWeek[], target: number): EChartsOption {
  const tooltips = weeks.map((w) => shareWeekTooltip(w, target));
  const targetPercent = Math.round(target * 1000) / 10;
  return {
    ...weeklyBarsFrame(weeks, tooltips),
    // Room on the right for the target's label, outside the bars.
    grid: { ...gridWithLegend, right: 56 },
    yAxis: { ...valueAxis((v) => `${v}%`), max: 100, interval: 25 },
    series: INVESTMENT_CATEGORIES.map((c) => ({
      ...stackedBar(
        "share",
        c,
        weeks.map((w) => percent(w.shares[c.key])),
      ),
      ...(c.key === "debt"
        ? {
            markLine: {
              silent: true,
              symbol: "none",
              lineStyle: { color: chartInk.text, type: "dashed" as const, width: 2 },
              label: { formatter: `Target\n${formatPercent(target)}`, position: "end" as const, color: chartInk.text, fontSize: 12, lineHeight: 15 },
              data: [{ yAxis: targetPercent }],
            },
          }
        : {}),
    })),
  };
}

export function investmentChartLabel(teamName: string, weeks: ShareWeek[], target: number, debtShare: number | null): string {
  const span = weekSpan(weeks);
  if (span === null) return `Chart of ${possessive(teamName)} changes by category: no weeks to show.`;
  const overall = debtShare === null ? "It made no changes in these weeks." : `Over these weeks, ${formatPercent(debtShare)} of its changes were debt.`;
  return (
    `Stacked bar chart of ${possessive(teamName)} changes per week by category (debt, feature, bug, unplanned, unclassified), ` +
    `${span}, ` +
    `with the debt target of ${formatPercent(target)} as a dashed line. ${overall}`
  );
}
