// The conventional median (product.md: the mean of the two middle values for an even count), for
// values TypeScript already holds, such as distinct deploy days per week once empty weeks are
// filled in. Percentiles over rows are computed by the database (percentile_cont).

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
