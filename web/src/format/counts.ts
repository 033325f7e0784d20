const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** 1234 → "1,234" */
export function formatCount(n: number): string {
  return integer.format(n);
}

/** (1, "deployment") → "1 deployment"; (12, "deployment") → "12 deployments" */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(n)} ${n === 1 ? singular : plural}`;
}
