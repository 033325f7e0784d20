// Owns one ECharts instance's life: init, setOption, resize, dispose. What to draw comes from a
// pure option builder in ./options.
import { useEffect, useRef } from "react";
import { init, type EChartsOption, type EChartsType } from "./echarts.ts";

interface EChartProps {
  option: EChartsOption;
  /** What the chart shows, read by screen readers in place of the drawing. */
  ariaLabel: string;
  className?: string;
}

export function EChart({ option, ariaLabel, className }: EChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<EChartsType | null>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const chart = init(container, null, { renderer: "svg" });
    chartRef.current = chart;
    // Browser tests wait for this attribute instead of guessing a delay. It is set on the DOM
    // directly so that React re-renders never reset it.
    chart.on("finished", () => {
      container.dataset.chartReady = "true";
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(container);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
      delete container.dataset.chartReady;
    };
  }, []);

  useEffect(() => {
    const chart = chartRef.current;
    const container = containerRef.current;
    if (!chart || !container) return;
    container.dataset.chartReady = "false";
    chart.setOption(respectReducedMotion(option), { notMerge: true });
  }, [option]);

  return (
    <div
      ref={containerRef}
      role="img"
      aria-label={ariaLabel}
      data-testid="chart"
      className={className ? `chart ${className}` : "chart"}
    />
  );
}

function respectReducedMotion(option: EChartsOption): EChartsOption {
  const reduce = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;
  return reduce ? { ...option, animation: false } : option;
}
