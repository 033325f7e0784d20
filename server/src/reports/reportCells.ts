// Table cells of the weekly report document (reportDocument.ts): one way to write each kind of
// figure, with a dash for a figure that does not exist.
import type { DoraLevel } from "@keel/shared";
import { formatShare } from "../metrics/formatNumbers.ts";

export const DASH = "–";

export function num(value: number | null, digits = 1): string {
  return value === null ? DASH : value.toFixed(digits);
}

export function signed(value: number | null, format: (v: number) => string): string {
  if (value === null) return DASH;
  if (value === 0) return "±0";
  return `${value > 0 ? "+" : "−"}${format(Math.abs(value))}`;
}

export function pct(value: number | null): string {
  return value === null ? DASH : formatShare(value);
}

export function points(value: number | null): string {
  return signed(value === null ? null : value * 100, (v) => `${v.toFixed(1)} pts`);
}

export function level(value: DoraLevel | null | undefined): string {
  return value ?? DASH;
}

export function hoursCell(h: number | null): string {
  return h === null ? DASH : `${h.toFixed(1)} h`;
}

export function testLabel(t: { suite: string; name: string; variant: string }): string {
  return `${t.suite} › ${t.name}${t.variant ? ` [${t.variant}]` : ""}`;
}

export function inputValue(v: number | string | null): string {
  if (v === null) return "unknown";
  if (typeof v === "string") return v;
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 10_000) / 10_000);
}

/** Hours with two decimals, for tables ("5.30 h"). */
export function formatHours2(h: number): string {
  return `${h.toFixed(2)} h`;
}
