// JUnit `time` attributes are seconds, but reporters in the wild write them in many shapes.

const UNIT_TO_MS = new Map<string, number>([
  ["ns", 1e-6],
  ["us", 1e-3],
  ["µs", 1e-3], // U+00B5 micro sign
  ["μs", 1e-3], // U+03BC greek mu
  ["ms", 1],
  ["s", 1000],
  ["sec", 1000],
  ["m", 60_000],
  ["min", 60_000],
  ["h", 3_600_000],
]);

// TestResult.durationMs is a 32-bit int column: anything longer (24.8 days) is garbage anyway.
const MAX_DURATION_MS = 2_147_483_647;
const SHAPE = /^([+-]?[\d.,]+(?:e[+-]?\d+)?)\s*([a-zµμ]*)$/i;
// "2,120.532" or "1,234,567": commas group thousands (Surefire, TestNG on en locales).
const COMMA_THOUSANDS = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
// "1.234,5": dots group thousands, comma is the decimal mark (de, fr locales).
const DOT_THOUSANDS_COMMA_DECIMAL = /^[+-]?\d{1,3}(?:\.\d{3})+,\d+$/;
const SINGLE_DECIMAL_COMMA = /^[+-]?\d*,\d+$/;

/**
 * Turns a `time` attribute into whole milliseconds. Missing, unparseable or negative values
 * give 0, and so do values over 2^31 - 1 ms.
 *
 * Comma rule: a comma is a thousands separator when it is followed by exactly three digits and
 * then a dot ("2,120.532"), or when there is more than one comma group ("1,234,567"). A single
 * comma otherwise is a decimal comma ("0,03" is 30 ms, and "1,234" is 1.234 s: test times are
 * short, so the locale reading is the likely one). "1.234,5" (dot thousands, comma decimal) is
 * also accepted. Unit suffixes (kotest's "80.803us", "12ms", "1.5s", "2m", "1h") override the
 * default of seconds.
 */
export function parseDurationMs(raw: string | undefined): number {
  if (raw === undefined) return 0;
  const match = SHAPE.exec(raw.trim());
  if (!match) return 0;
  const numberPart = match[1] ?? "";
  const unit = (match[2] ?? "").toLowerCase();
  const factor = unit === "" ? 1000 : UNIT_TO_MS.get(unit);
  if (factor === undefined) return 0;
  const ms = Math.round(toNumber(numberPart) * factor);
  return ms > 0 && ms <= MAX_DURATION_MS ? ms : 0;
}

function toNumber(text: string): number {
  if (!text.includes(",")) return Number(text);
  if (COMMA_THOUSANDS.test(text)) {
    const groups = text.split(",").length - 1;
    if (groups > 1 || text.includes(".")) return Number(text.replaceAll(",", ""));
  }
  if (DOT_THOUSANDS_COMMA_DECIMAL.test(text)) return Number(text.replaceAll(".", "").replace(",", "."));
  if (SINGLE_DECIMAL_COMMA.test(text)) return Number(text.replace(",", "."));
  return Number.NaN;
}
