// ECharts, trimmed to what Keel draws: the full build is over 500 kB and even the core is ~94 kB
// gzipped, so register a chart or component here only when an option builder needs it.
import { BarChart, type BarSeriesOption } from "echarts/charts";
import { GridComponent, TooltipComponent, type GridComponentOption, type TooltipComponentOption } from "echarts/components";
import { LineChart, type LineSeriesOption } from "echarts/charts"; // cost views: cumulative cost avoided
import { LegendComponent, type LegendComponentOption } from "echarts/components"; // cost views: series names
import { MarkLineComponent, type MarkLineComponentOption } from "echarts/components"; // investment: the debt target
import * as echartsCore from "echarts/core";
import type { ComposeOption, EChartsType } from "echarts/core";
// SVG: crisp at any zoom, small, and its output is plain DOM that browser tests can inspect.
import { SVGRenderer } from "echarts/renderers";

echartsCore.use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);
echartsCore.use([LineChart, LegendComponent, MarkLineComponent]); // cost views

type CostViewParts = LineSeriesOption | LegendComponentOption | MarkLineComponentOption;
/** The options the registered parts understand; builders return this. */
export type EChartsOption = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption | CostViewParts>;

export type { EChartsType };
