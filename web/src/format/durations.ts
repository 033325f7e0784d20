// Durations given in decimal hours (the API's unit), in the unit that reads best: minutes under an
// hour, hours under two days, days beyond.
import { formatShort, NBSP } from "./numbers.ts";

/** 0.75 → "45 min"; 3.46 → "3.5 h"; 19.2 → "19 h"; 60 → "2.5 days" */
export function formatHours(hours: number): string {
  const abs = Math.abs(hours);
  const sign = hours < 0 ? "−" : "";
  if (abs < 1) return `${sign}${Math.round(abs * 60)}${NBSP}min`;
  if (abs < 10) return `${sign}${formatShort(Math.round(abs * 10) / 10)}${NBSP}h`;
  if (abs < 48) return `${sign}${Math.round(abs)}${NBSP}h`;
  const days = abs / 24;
  return `${sign}${formatShort(Math.round(days * 10) / 10)}${NBSP}${days === 1 ? "day" : "days"}`;
}
