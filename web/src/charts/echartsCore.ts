// The first tier of ECharts, registered at once: only what the Overview's trend charts draw
// (lines, grid, tooltip, SVG renderer). The Overview is where most visits start, and every part
// registered here is downloaded by it (web/README.md "Bundle").
//
// Everything else (bars, legends, mark lines, ...) is registered by echarts.ts, which EChart.tsx
// loads as a separate chunk before it draws an option that uses more than this tier
// (needsMoreParts). So a builder may use any part echarts.ts registers, and the Overview does not
// pay for it.
import { LineChart } from "echarts/charts";
import { GridComponent, TooltipComponent } from "echarts/components";
import * as echartsCore from "echarts/core";
// SVG: crisp at any zoom, small, and its output is plain DOM that browser tests can inspect.
import { SVGRenderer } from "echarts/renderers";
import type { EChartsOption } from "./echarts.ts";

echartsCore.use([LineChart, GridComponent, TooltipComponent, SVGRenderer]);

/** Top-level option keys this tier draws (or that need no registered part). */
const CORE_KEYS = new Set([
  "color",
  "animation",
  "animationDuration",
  "animationDurationUpdate",
  "backgroundColor",
  "textStyle",
  "grid",
  "tooltip",
  "xAxis",
  "yAxis",
  "series",
  "aria",
]);
/** Per-series parts that are components of their own. */
const SERIES_COMPONENTS = ["markLine", "markArea", "markPoint"];

/** True when `option` uses a part this tier does not register: echarts.ts must be loaded first. */
export function needsMoreParts(option: EChartsOption): boolean {
  const record = option as Record<string, unknown>;
  if (Object.keys(record).some((key) => record[key] !== undefined && !CORE_KEYS.has(key))) return true;
  const series: unknown[] = Array.isArray(option.series) ? option.series : option.series ? [option.series] : [];
  return series.some((s) => {
    if (!s || typeof s !== "object") return false;
    const item = s as Record<string, unknown>;
    return item.type !== "line" || SERIES_COMPONENTS.some((key) => item[key] !== undefined);
  });
}

/** Registers every part Keel uses (echarts.ts); later calls reuse the same download. */
export function loadMoreParts(): Promise<unknown> {
  return import("./echarts.ts");
}

export const init = echartsCore.init;
export type { EChartsType } from "echarts/core";
