// Pieces the cost views' option builders share: the tooltip box, axis styles and the grid, so
// every chart reads the same. Pure data, no ECharts runtime.
import { chartInk } from "../palette.ts";

export const tooltipBox = {
  backgroundColor: chartInk.tooltipBackground,
  borderColor: chartInk.axisLine,
  textStyle: { color: chartInk.text, fontSize: 13 },
  // Tooltips stay inside the chart on a phone instead of running off the screen.
  confine: true,
} as const;

export const categoryAxisStyle = {
  axisTick: { alignWithLabel: true },
  axisLine: { lineStyle: { color: chartInk.axisLine } },
  axisLabel: { color: chartInk.mutedText, fontSize: 12, hideOverlap: true },
} as const;

export const valueAxisLabel = { color: chartInk.mutedText, fontSize: 12 } as const;
export const valueAxisSplitLine = { lineStyle: { color: chartInk.gridLine } } as const;

export const legendStyle = {
  top: 0,
  left: 0,
  icon: "roundRect",
  itemWidth: 14,
  itemHeight: 10,
  textStyle: { color: chartInk.text, fontSize: 12 },
} as const;

/** Room for the legend above the plot, and for axis labels inside the chart's box. */
export const gridWithLegend = { left: 8, right: 8, top: 56, bottom: 8, outerBoundsMode: "same", outerBoundsContain: "axisLabel" } as const;

/** The data index an axis tooltip is about. */
export function dataIndexOf(params: unknown): number {
  const first: unknown = Array.isArray(params) ? params[0] : params;
  if (first && typeof first === "object" && "dataIndex" in first && typeof first.dataIndex === "number") return first.dataIndex;
  return -1;
}

/** One tooltip line: a colour dot, a label and a value. Labels and values are Keel's own text (no user data). */
export function tooltipLine(color: string | null, label: string, value: string): string {
  const dot = color ? `<span style="display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px;background:${color}"></span>` : "";
  return `<div style="display:flex;justify-content:space-between;gap:16px"><span>${dot}${label}</span><strong>${value}</strong></div>`;
}

export function tooltipTitle(text: string): string {
  return `<div style="font-weight:600;margin-bottom:4px">${text}</div>`;
}

/** A zero bar is left out rather than drawn as a hairline (its white edge would still show). */
export function barValue(value: number): number | null {
  return value === 0 ? null : value;
}
