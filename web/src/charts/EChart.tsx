// Owns one ECharts instance's life: init, setOption, resize, dispose. What to draw comes from a
// pure option builder in ./options.
import { useEffect, useRef, useState } from "react";
import type { EChartsOption } from "./echarts.ts";
import { init, loadMoreParts, needsMoreParts, type EChartsType } from "./echartsCore.ts";

interface EChartProps {
  option: EChartsOption;
  /** What the chart shows, read by screen readers in place of the drawing. */
  ariaLabel: string;
  className?: string;
}

interface Instance {
  chart: EChartsType;
  observer: ResizeObserver;
  /** Created after the second tier (echarts.ts) was loaded. */
  full: boolean;
}

function create(container: HTMLDivElement, full: boolean): Instance {
  const chart = init(container, null, { renderer: "svg" });
  // Browser tests wait for this attribute instead of guessing a delay. It is set on the DOM
  // directly so that React re-renders never reset it.
  chart.on("finished", () => {
    container.dataset.chartReady = "true";
  });
  const observer = new ResizeObserver(() => chart.resize());
  observer.observe(container);
  return { chart, observer, full };
}

function release(instance: Instance | null, container: HTMLDivElement | null) {
  if (!instance) return;
  instance.observer.disconnect();
  instance.chart.dispose();
  if (container) delete container.dataset.chartReady;
}

export function EChart({ option, ariaLabel, className }: EChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const instanceRef = useRef<Instance | null>(null);
  // A failed download of more chart parts (say, after Keel was updated) goes to the page's
  // error boundary, which offers a reload.
  const [failure, setFailure] = useState<unknown>(null);

  useEffect(() => {
    const container = containerRef.current;
    return () => {
      release(instanceRef.current, container);
      instanceRef.current = null;
    };
  }, []);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    container.dataset.chartReady = "false";
    let current = true;
    const more = needsMoreParts(option);
    const draw = () => {
      if (!current) return;
      // ECharts hands an instance the layouts and visual encodings registered when it is created:
      // one created before the bar chart was registered never lays bars out. So an option that
      // needs the second tier is drawn by an instance created after that tier loaded.
      let instance = instanceRef.current;
      if (instance && (instance.chart.isDisposed() || (more && !instance.full))) {
        release(instance, container);
        instance = null;
      }
      if (!instance) {
        instance = create(container, more);
        instanceRef.current = instance;
      }
      instance.chart.setOption(respectReducedMotion(option), { notMerge: true });
    };
    if (more) loadMoreParts().then(draw, setFailure);
    else draw();
    return () => {
      current = false;
    };
  }, [option]);

  if (failure) throw failure;
  return <div ref={containerRef} role="img" aria-label={ariaLabel} data-testid="chart" className={className ? `chart ${className}` : "chart"} />;
}

function respectReducedMotion(option: EChartsOption): EChartsOption {
  const reduce = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;
  return reduce ? { ...option, animation: false } : option;
}
