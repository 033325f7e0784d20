// The frame every weekly stacked-bar chart shares (hours lost, pull-request phases, investment
// shares, a flaky test's history): the legend, one tooltip per week under a shaded axis pointer,
// the weeks along the x axis, a value axis from zero, bars stacked with a thin white edge, and the
// span of weeks its accessible name gives. Pure data, no ECharts runtime.
import { dateLabel, weekLabel } from "@keel/shared/calendar";
import { categoryAxisStyle, dataIndexOf, legendStyle, tooltipBox, valueAxisLabel, valueAxisSplitLine } from "./chartParts.ts";

interface Week {
  /** Monday of the week, as the organisation's local date. */
  bucketStart: string;
}

/** A stacked layer: its legend label and its colour. */
interface Layer {
  label: string;
  color: string;
}

/** Legend, axis tooltip (`tooltips[i]` is week i's HTML) and the weeks' axis. */
export function weeklyBarsFrame(weeks: readonly Week[], tooltips: readonly string[]) {
  return {
    animationDuration: 300,
    legend: { ...legendStyle },
    tooltip: {
      ...tooltipBox,
      trigger: "axis" as const,
      axisPointer: { type: "shadow" as const },
      formatter: (params: unknown) => tooltips[dataIndexOf(params)] ?? "",
    },
    xAxis: { type: "category" as const, data: weeks.map((w) => weekLabel(w.bucketStart)), ...categoryAxisStyle },
  };
}

/** A value axis from zero; `tick` writes its labels ("20 h", "25%"), else they are plain numbers. */
export function valueAxis(tick?: (value: number) => string) {
  return {
    type: "value" as const,
    min: 0,
    axisLabel: tick ? { ...valueAxisLabel, formatter: tick } : { ...valueAxisLabel },
    splitLine: valueAxisSplitLine,
  };
}

/** One layer of a stack; with `focus`, hovering it dims the other layers. */
export function stackedBar(stack: string, layer: Layer, data: (number | null)[], { barMaxWidth = 40, focus = true } = {}) {
  return {
    type: "bar" as const,
    name: layer.label,
    stack,
    color: layer.color,
    barMaxWidth,
    // A thin white edge keeps adjacent layers apart for every kind of colour vision.
    itemStyle: { borderColor: "#ffffff", borderWidth: 1 },
    ...(focus ? { emphasis: { focus: "series" as const } } : {}),
    data,
  };
}

/** "from the week of 2 Nov 2026 to the week of 9 Nov 2026", or null when there is no week. */
export function weekSpan(weeks: readonly Week[]): string | null {
  const first = weeks[0];
  const last = weeks.at(-1);
  if (!first || !last) return null;
  return `from the week of ${dateLabel(first.bucketStart)} to the week of ${dateLabel(last.bucketStart)}`;
}

/** A week's tooltip heading: "Week of 2 Nov 2026". */
export function weekOf(week: Week): string {
  return `Week of ${dateLabel(week.bucketStart)}`;
}
