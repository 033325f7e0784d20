// Event timestamps travel to PostgreSQL as text inside the JSON of a bulk statement. Turning each
// into a Date and back (Date#toJSON) was a measurable share of ingestion, so a timestamp with at
// most millisecond precision is passed as it came: PostgreSQL reads it as the same instant a Date
// would. A finer one is cut to milliseconds the way Date does, so every path stores one instant.
const MILLISECOND_PRECISION = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?(Z|[+-]\d\d:\d\d)$/;

/** A validated ISO-8601 timestamp (shared `Timestamp`) as PostgreSQL should store it. */
export function instant(value: string): string;
export function instant(value: string | undefined): string | undefined;
export function instant(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return MILLISECOND_PRECISION.test(value) ? value : new Date(value).toISOString();
}
