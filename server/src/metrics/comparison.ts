// Previous-period comparison: every summary figure beside its value for the same-length window
// immediately before, as `current − previous` (rates in fraction points: 0.05 is five percentage
// points). A figure missing on either side (no deployments, no incidents) has no change. Levels
// are words, not figures: the previous level is shown, with no change.

export type Figures<T> = { [K in keyof T]: number | string | null };
export type Changes<T> = { [K in Exclude<keyof T, "level">]: number | null };
export type Compared<T> = T & { previous: T; change: Changes<T> };

export function change<T extends Figures<T>>(current: T, previous: T): Changes<T> {
  const out: Record<string, number | null> = {};
  for (const key of Object.keys(current) as (keyof T & string)[]) {
    if (key === "level") continue;
    const a = current[key];
    const b = previous[key];
    out[key] = typeof a === "number" && typeof b === "number" ? a - b : null;
  }
  return out as Changes<T>;
}

export function compared<T extends Figures<T>>(current: T, previous: T): Compared<T> {
  return { ...current, previous, change: change(current, previous) };
}
