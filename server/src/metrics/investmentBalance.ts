// Investment balance (product.md "Investment balance"): per team and week, the share of changes in
// each category, the debt share against the team's target (its own, else the organisation's
// 20% default), and the unclassified share, always shown. Shares are fractions of the changes
// counted; a week with no change has no shares (null), not zeros.

export const CATEGORIES = ["feature", "debt", "bug", "unplanned", "other"] as const;
export type Category = (typeof CATEGORIES)[number];

export type CategoryCounts = Record<Category, number>;
export type CategoryShares = Record<Category, number | null>;

export const NO_CHANGES: CategoryCounts = { feature: 0, debt: 0, bug: 0, unplanned: 0, other: 0 };

export interface Balance {
  changes: number;
  counts: CategoryCounts;
  shares: CategoryShares;
  debtShare: number | null;
  /** The "other" category: changes no rule could classify. */
  unclassifiedShare: number | null;
  target: number;
  /** debtShare − target, in fraction points; null without changes. */
  againstTarget: number | null;
  /** "above" when the debt share is at least the target. */
  status: "above" | "below" | "no changes";
}

/**
 * The one rule for "at its debt target": a debt share at least the target meets it. The balance's
 * status, the summaries' sentence and "is the debt paying off" all ask this.
 */
export function meetsDebtTarget(debtShare: number, target: number): boolean {
  return debtShare >= target;
}

/** The debt share's rule as "how this was computed" words it, over `span` ("the period", "the weeks shown"). */
export function debtShareFormula(span: string): string {
  return `debt share = changes in the debt category ÷ all changes committed in ${span}`;
}

export function balanceOf(counts: CategoryCounts, target: number): Balance {
  const changes = CATEGORIES.reduce((n, c) => n + counts[c], 0);
  const share = (n: number) => (changes > 0 ? n / changes : null);
  const shares = Object.fromEntries(CATEGORIES.map((c) => [c, share(counts[c])])) as CategoryShares;
  const debtShare = shares.debt;
  return {
    changes,
    counts,
    shares,
    debtShare,
    unclassifiedShare: shares.other,
    target,
    againstTarget: debtShare === null ? null : debtShare - target,
    status: debtShare === null ? "no changes" : meetsDebtTarget(debtShare, target) ? "above" : "below",
  };
}

export function addCategory(counts: CategoryCounts, category: string, n: number): CategoryCounts {
  const key = (CATEGORIES as readonly string[]).includes(category) ? (category as Category) : "other";
  return { ...counts, [key]: counts[key] + n };
}

/** The direction of a series: compares the mean of its first and last thirds (at least one point each). */
export function trendOf(values: number[]): { first: number; last: number; direction: "rising" | "falling" | "flat" } | null {
  if (values.length < 2) return null;
  const third = Math.max(1, Math.floor(values.length / 3));
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const first = mean(values.slice(0, third));
  const last = mean(values.slice(-third));
  const direction = Math.abs(last - first) <= 0.05 * Math.max(first, last) ? "flat" : last > first ? "rising" : "falling";
  return { first, last, direction };
}
