// Rounding, in one place so every surface (API, report, sentences) shows the same cents.

/** Rounds dollars to cents (half away from zero, on the decimal value as written). */
export function cents(usd: number): number {
  return roundTo(usd, 2);
}

/** Rounds to `digits` decimals, half away from zero. */
function roundTo(value: number, digits: number): number {
  const f = 10 ** digits;
  const rounded = Math.round(Math.abs(value) * f + 1e-7) / f;
  return value < 0 ? -rounded : rounded;
}
