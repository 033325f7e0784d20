// Numbers as people read them on the dashboard. Units follow a number after a no-break space, so
// "8.1 %" never wraps between the figure and its unit.
export const NBSP = "\u00a0";

const oneDecimal = new Intl.NumberFormat("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const upToOneDecimal = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

/** 4.216 → "4.2"; 12 → "12.0" */
export function formatOneDecimal(n: number): string {
  return oneDecimal.format(n);
}

/** 4.216 → "4.2"; 12 → "12" */
export function formatShort(n: number): string {
  return upToOneDecimal.format(n);
}

/** A fraction as a percentage with one decimal: 0.0812 → "8.1 %". */
export function formatPercent(fraction: number): string {
  return `${oneDecimal.format(fraction * 100)}${NBSP}%`;
}

/** A difference of fractions in percentage points, unsigned: 0.012 → "1.2 pts". */
export function formatPoints(fractionDelta: number): string {
  return `${oneDecimal.format(Math.abs(fractionDelta) * 100)}${NBSP}pts`;
}
