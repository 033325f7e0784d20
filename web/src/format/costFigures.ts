// Money, hours and shares as the cost views show them: US dollars with thousands separators
// (cents where a figure is compared with the API, whole dollars on chart axes), hours with one
// decimal, shares as percentages with one decimal. A value that rounds to zero never shows as "-0".
const usdCents = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 2 });
const usdWhole = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
const decimals = [0, 1, 2].map((digits) => new Intl.NumberFormat("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits }));

const MINUS = "−";

/** Rounds to `digits` decimals, turning -0 into 0 so nothing prints as "-0.0". */
function rounded(n: number, digits: number): number {
  const factor = 10 ** digits;
  const r = Math.round(n * factor) / factor;
  return r === 0 ? 0 : r;
}

function withSign(n: number, text: string): string {
  return n < 0 ? `${MINUS}${text}` : text;
}

/** 33015.47 → "$33,015.47" (cents, as the API gives money). */
export function formatUsd(n: number): string {
  const r = rounded(n, 2);
  return withSign(r, usdCents.format(Math.abs(r)));
}

/** 33015.47 → "$33,015" (axes and tooltips, where cents are noise). */
export function formatUsdWhole(n: number): string {
  const r = rounded(n, 0);
  return withSign(r, usdWhole.format(Math.abs(r)));
}

/** 1234.56 with 1 digit → "1,234.6" */
export function formatDecimal(n: number, digits: 0 | 1 | 2): string {
  const r = rounded(n, digits);
  return withSign(r, (decimals[digits] as Intl.NumberFormat).format(Math.abs(r)));
}

/** 330.0229 → "330.0 h" */
export function formatHours(n: number): string {
  return `${formatDecimal(n, 1)} h`;
}

/** A difference in hours: "+5.2 h", "−5.2 h", "±0.0 h". */
export function formatHoursChange(n: number): string {
  const r = rounded(n, 1);
  if (r === 0) return "±0.0 h";
  return r > 0 ? `+${formatHours(r)}` : formatHours(r);
}

/** A fraction as a percentage: 0.0334 → "3.3%". */
export function formatShare(fraction: number): string {
  return `${formatDecimal(fraction * 100, 1)}%`;
}

/** A difference of two fractions in percentage points: 0.076 → "+7.6 pts". */
export function formatPointsChange(fraction: number): string {
  const r = rounded(fraction * 100, 1);
  if (r === 0) return "±0.0 pts";
  return `${r > 0 ? "+" : ""}${formatDecimal(r, 1)} pts`;
}

/** Weeks with one decimal: 1.05 → "1.0 week", 15.6 → "15.6 weeks". */
export function formatWeeks(n: number): string {
  const text = formatDecimal(n, 1);
  return `${text} ${text === "1.0" ? "week" : "weeks"}`;
}
