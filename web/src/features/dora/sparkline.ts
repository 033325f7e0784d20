// A sparkline as an SVG path, drawn by hand rather than by ECharts: a tile's trend needs no axes or
// tooltip, and this costs a few hundred bytes instead of a chart instance per tile.

export interface SparklineGeometry {
  /** The line: one subpath per run of weeks with a value ("M… L…"), gaps where a week has none. */
  line: string;
  /** The last point with a value, for a marker; null when there is none. */
  last: { x: number; y: number } | null;
}

/**
 * Points spread evenly across `width`, values scaled from 0 (bottom) to the largest (top) inside a
 * `pad` margin. Zero at the bottom keeps a small change looking small. Coordinates are rounded to
 * 0.1 so the path stays short.
 */
export function sparklineGeometry(values: (number | null)[], width: number, height: number, pad = 3): SparklineGeometry {
  const max = Math.max(0, ...values.filter((v): v is number => v !== null && Number.isFinite(v)));
  const step = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
  const round = (n: number) => Math.round(n * 10) / 10;
  const x = (i: number) => round(values.length > 1 ? pad + i * step : width / 2);
  const y = (v: number) => round(max === 0 ? height - pad : height - pad - (v / max) * (height - 2 * pad));
  let line = "";
  let drawing = false;
  let last: SparklineGeometry["last"] = null;
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      drawing = false;
      return;
    }
    const point = { x: x(i), y: y(v) };
    line += `${line ? " " : ""}${drawing ? "L" : "M"}${point.x} ${point.y}`;
    drawing = true;
    last = point;
  });
  return { line, last };
}
