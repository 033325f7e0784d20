// Weekly buckets start Monday 00:00 in the organisation's time zone (product.md). The database
// buckets rows (date_trunc('week', ts AT TIME ZONE tz)); @keel/shared/calendar's weekBuckets lists
// every bucket of a window, and this puts the rows in them so empty weeks are present.

/** Puts database rows keyed by bucket into every bucket of the window, filling the missing ones. */
export function fillBuckets<T>(buckets: string[], rows: Map<string, T>, empty: (bucket: string) => T): T[] {
  return buckets.map((bucket) => rows.get(bucket) ?? empty(bucket));
}
