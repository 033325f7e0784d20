// How figures are written in sentences and reports, one rule each, so a sentence and the table
// beside it never disagree. Sentences round ("about $3,127"); the exact figures are in the API.

const grouped = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const cents2 = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Hours: whole hours from 10 on, else one decimal ("31", "4.5"). */
export function formatHours(hours: number): string {
  return Math.abs(hours) >= 10 ? grouped.format(Math.round(hours)) : (Math.round(hours * 10) / 10).toFixed(1);
}

/** Whole dollars with thousands separators ("$3,127"). */
export function formatUsd(usd: number): string {
  return `${usd < 0 ? "-" : ""}$${grouped.format(Math.round(Math.abs(usd)))}`;
}

/** Dollars and cents ("$3,127.40"), for tables. */
export function formatUsdCents(usd: number): string {
  return `${usd < 0 ? "-" : ""}$${cents2.format(Math.abs(usd))}`;
}

/** A fraction as a percentage: one decimal under 10%, whole from 10% ("3.3%", "31%"). */
export function formatShare(share: number): string {
  const pct = share * 100;
  return Math.abs(pct) < 10 ? `${(Math.round(pct * 10) / 10).toFixed(1)}%` : `${Math.round(pct)}%`;
}

/** Sprints and weeks: two decimals under 1, else one ("0.07", "1.3"). */
export function formatSmall(value: number): string {
  return Math.abs(value) < 1 ? value.toFixed(2) : (Math.round(value * 10) / 10).toFixed(1);
}

/** "1 incident", "3 incidents". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${grouped.format(n)} ${n === 1 ? one : many}`;
}
