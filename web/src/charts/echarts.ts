// ECharts, trimmed to what Keel draws: the full build is over 500 kB and even the core is ~94 kB
// gzipped, so register a chart or component here only when an option builder needs it.
import { BarChart, type BarSeriesOption } from "echarts/charts";
import { GridComponent, TooltipComponent, type GridComponentOption, type TooltipComponentOption } from "echarts/components";
import * as echartsCore from "echarts/core";
import type { ComposeOption, EChartsType } from "echarts/core";
// SVG: crisp at any zoom, small, and its output is plain DOM that browser tests can inspect.
import { SVGRenderer } from "echarts/renderers";

echartsCore.use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

/** The options the registered parts understand; builders return this. */
export type EChartsOption = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;

export const init = echartsCore.init;
export type { EChartsType };
