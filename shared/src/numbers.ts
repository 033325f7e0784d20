// Numbers as every surface writes them (the web app, the weekly report's Markdown, HTML and Slack
// text, the API's summary sentences, alerts), in one place: `@keel/shared/numbers`, no zod, so the
// web app's first load stays small. The style (docs/metrics.md "How figures are written"):
// - thousands separators ("1,234"), a minus sign "−" (U+2212), and nothing that rounds to zero
//   ever prints as "-0";
// - a percentage has one decimal and no space before the sign: "8.1%", "31.0%";
// - money is US dollars: to the cent (formatUsdCents, "$3,127.40") for every figure a reader can
//   check against the API or a table; whole dollars (formatUsdWhole, "$3,127") only where a figure
//   is approximate by design: the API summaries' sentences ("about $3,127") and chart axes.

/** Written between a figure and its unit where the two must not wrap apart ("45 min"). */
export const NBSP = "\u00a0";
export const MINUS = "−";

const decimals = [0, 1, 2].map((digits) => new Intl.NumberFormat("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits }));
const upToOneDecimal = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });
const upToFourDecimals = new Intl.NumberFormat("en-US", { maximumFractionDigits: 4 });
const usdCents = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 2 });
const usdWhole = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });

/** Rounds to `digits` decimals, halves away from zero (as money.ts rounds cents), and never to -0. */
function rounded(n: number, digits: number): number {
  const factor = 10 ** digits;
  const r = Math.round(Math.abs(n) * factor) / factor;
  return r === 0 ? 0 : n < 0 ? -r : r;
}

/** `n` rounded to `digits` and written by `format`, with MINUS only when the rounded value is below zero. */
function signed(n: number, digits: number, format: Intl.NumberFormat): string {
  const r = rounded(n, digits);
  const text = format.format(Math.abs(r));
  return r < 0 ? `${MINUS}${text}` : text;
}

/** 1234.56 with 1 digit → "1,234.6"; -0.04 with 1 digit → "0.0". */
export function formatDecimal(n: number, digits: 0 | 1 | 2): string {
  return signed(n, digits, decimals[digits] as Intl.NumberFormat);
}

/** Up to one decimal: 4.216 → "4.2"; 12 → "12". */
export function formatShort(n: number): string {
  return signed(n, 1, upToOneDecimal);
}

/** Up to four decimals, for a value someone typed (the CI cost per minute is 0.008): 100000 → "100,000". */
export function formatUpToFourDecimals(n: number): string {
  return signed(n, 4, upToFourDecimals);
}

/** Sprints and weeks in sentences: two decimals under 1, else one ("0.43", "1.3"). */
export function formatSmall(n: number): string {
  return formatDecimal(n, Math.abs(n) < 1 ? 2 : 1);
}

/** 1234 → "1,234" */
export function formatCount(n: number): string {
  return formatDecimal(n, 0);
}

/** (1, "deployment") → "1 deployment"; (1234, "deployment") → "1,234 deployments" */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(n)} ${n === 1 ? singular : plural}`;
}

/** A fraction as a percentage, the one style: 0.0812 → "8.1%", 0.3125 → "31.3%". */
export function formatPercent(fraction: number): string {
  return `${formatDecimal(fraction * 100, 1)}%`;
}

/** A percentage on a chart axis, where ticks are round numbers: 0.15 → "15%", 0.025 → "2.5%". */
export function formatPercentTick(fraction: number): string {
  return `${formatShort(fraction * 100)}%`;
}

/** A difference of two fractions in percentage points, signed: 0.076 → "+7.6 pts", 0.0001 → "±0.0 pts". */
export function formatPointsChange(fraction: number): string {
  const r = rounded(fraction * 100, 1);
  if (r === 0) return "±0.0 pts";
  return `${r > 0 ? "+" : ""}${formatDecimal(r, 1)} pts`;
}

/** A difference of two fractions in percentage points, unsigned (the tile says which way): -0.0349 → "3.5 pts". */
export function formatPoints(fraction: number): string {
  return `${formatDecimal(Math.abs(fraction) * 100, 1)}${NBSP}pts`;
}

/** Dollars and cents, for every figure that can be checked against the API: 33015.47 → "$33,015.47". */
export function formatUsdCents(usd: number): string {
  return signed(usd, 2, usdCents);
}

/** Whole dollars, for approximate sentences and chart axes: 33015.47 → "$33,015". */
export function formatUsdWhole(usd: number): string {
  return signed(usd, 0, usdWhole);
}

/** Hours with their unit, for tables and figures: 330.0229 → "330.0 h"; two digits → "330.02 h". */
export function formatHours(hours: number, digits: 1 | 2 = 1): string {
  return `${formatDecimal(hours, digits)} h`;
}

/** A difference in hours: "+5.2 h", "−5.2 h", "±0.0 h". */
export function formatHoursChange(hours: number): string {
  const r = rounded(hours, 1);
  if (r === 0) return "±0.0 h";
  return r > 0 ? `+${formatHours(r)}` : formatHours(r);
}

/** Hours in a sentence, without the unit: whole from 10 on, else one decimal ("31", "4.5"). */
export function formatHoursRounded(hours: number): string {
  return Math.abs(hours) >= 10 ? formatDecimal(hours, 0) : formatDecimal(hours, 1);
}

/** A duration given in hours, in the unit that reads best: 0.75 → "45 min"; 3.46 → "3.5 h"; 19.2 → "19 h"; 60 → "2.5 days". */
export function formatDuration(hours: number): string {
  const abs = Math.abs(hours);
  const sign = hours < 0 ? MINUS : "";
  if (abs < 1) return `${sign}${Math.round(abs * 60)}${NBSP}min`;
  if (abs < 10) return `${sign}${formatShort(abs)}${NBSP}h`;
  if (abs < 48) return `${sign}${Math.round(abs)}${NBSP}h`;
  const days = abs / 24;
  return `${sign}${formatShort(days)}${NBSP}${days === 1 ? "day" : "days"}`;
}

/** Weeks with one decimal: 1.05 → "1.0 week", 15.6 → "15.6 weeks". */
export function formatWeeks(weeks: number): string {
  const text = formatDecimal(weeks, 1);
  return `${text} ${text === "1.0" ? "week" : "weeks"}`;
}
