// JUnit `time` attributes are seconds, but reporters in the wild write them in many shapes.
import { HOUR_MS, MINUTE_MS } from "@keel/shared/calendar";

const UNIT_TO_MS = new Map<string, number>([
  ["ns", 1e-6],
  ["us", 1e-3],
  ["µs", 1e-3], // U+00B5 micro sign
  ["μs", 1e-3], // U+03BC greek mu
  ["ms", 1],
  ["s", 1000],
  ["sec", 1000],
  ["m", MINUTE_MS],
  ["min", MINUTE_MS],
  ["h", HOUR_MS],
]);

// TestResult.durationMs is a 32-bit int column: anything longer (24.8 days) is garbage anyway.
const MAX_DURATION_MS = 2_147_483_647;
const SHAPE = /^([+-]?[\d.,]+(?:e[+-]?\d+)?)\s*([a-zµμ]*)$/i;
// "2,120.532" or "1,234,567": commas group thousands (Surefire, TestNG on en locales).
const COMMA_THOUSANDS = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
// "1.234,5": dots group thousands, comma is the decimal mark (de, fr locales).
const DOT_THOUSANDS_COMMA_DECIMAL = /^[+-]?\d{1,3}(?:\.\d{3})+,\d+$/;
const SINGLE_DECIMAL_COMMA = /^[+-]?\d*,\d+$/;

// ISO 8601 durations (PT1.5S, PT1M2.5S), as some .NET and Kotlin converters write them.
const ISO_8601 = /^PT(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?$/i;
// Clock notation: "1:02.5" (minutes:seconds) or "1:02:03.5" (hours:minutes:seconds).
const CLOCK = /^(?:(\d+):)?(\d+):([0-5]\d(?:\.\d+)?)$/;

/** Like readDurationMs, with 0 for a value that cannot be read. */
export function parseDurationMs(raw: string | undefined): number {
  return readDurationMs(raw) ?? 0;
}

/**
 * Turns a `time` attribute into whole milliseconds: 0 when it is missing or empty, undefined
 * when it cannot be read unambiguously (garbage, negative, NaN, over 2^31 - 1 ms), so the caller
 * can count it as 0 and say so.
 *
 * Comma rule: a comma is a thousands separator when it is followed by exactly three digits and
 * then a dot ("2,120.532"), or when there is more than one comma group ("1,234,567"). A single
 * comma otherwise is a decimal comma ("0,03" is 30 ms, and "1,234" is 1.234 s: test times are
 * short, so the locale reading is the likely one). "1.234,5" (dot thousands, comma decimal) is
 * also accepted. Unit suffixes (kotest's "80.803us", "12ms", "1.5s", "2m", "1h") override the
 * default of seconds.
 */
export function readDurationMs(raw: string | undefined): number | undefined {
  const text = (raw ?? "").trim();
  if (text === "") return 0;
  const ms = Math.round(secondsOf(text) * 1000);
  if (Object.is(ms, -0)) return 0;
  return ms >= 0 && ms <= MAX_DURATION_MS ? ms : undefined;
}

function secondsOf(text: string): number {
  const iso = ISO_8601.exec(text);
  if (iso && text.length > 2) return Number(iso[1] ?? 0) * 3600 + Number(iso[2] ?? 0) * 60 + Number(iso[3] ?? 0);
  const clock = CLOCK.exec(text);
  if (clock) return Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
  const match = SHAPE.exec(text);
  if (!match) return Number.NaN;
  const unit = (match[2] ?? "").toLowerCase();
  const factor = unit === "" ? 1000 : UNIT_TO_MS.get(unit);
  if (factor === undefined) return Number.NaN;
  return (toNumber(match[1] ?? "") * factor) / 1000;
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
