import { sparklineGeometry } from "./sparkline.ts";

const WIDTH = 120;
const HEIGHT = 32;

/**
 * A tile's weekly trend at a glance. Decorative: the trend charts below carry the same numbers with
 * axes, tooltips and a table. The unfinished current week gets a hollow end point.
 */
export function Sparkline({ values, color, lastPartial }: { values: (number | null)[]; color: string; lastPartial: boolean }) {
  const { line, last } = sparklineGeometry(values, WIDTH, HEIGHT);
  if (!line) return <svg className="sparkline" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true" />;
  const lastIsCurrent = last !== null && values.at(-1) !== null && values.at(-1) !== undefined;
  return (
    <svg className="sparkline" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true" focusable="false">
      <path d={line} fill="none" stroke={color} strokeWidth={1.75} strokeLinejoin="round" strokeLinecap="round" vectorEffect="non-scaling-stroke" />
      {last ? (
        <circle
          cx={last.x}
          cy={last.y}
          r={2.5}
          fill={lastPartial && lastIsCurrent ? "#ffffff" : color}
          stroke={color}
          strokeWidth={1.5}
          vectorEffect="non-scaling-stroke"
        />
      ) : null}
    </svg>
  );
}
