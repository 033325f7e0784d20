// A change's investment category (product.md, "Investment balance"): explicit in the event, else
// from labels, else from a Conventional Commits prefix of the title/message, else "other".
import type { ChangeCategoryValue } from "@keel/shared";

export type CategorySourceValue = "explicit" | "label" | "prefix" | "none";

const byLabel: Record<string, ChangeCategoryValue> = {
  "tech-debt": "debt",
  "technical-debt": "debt",
  debt: "debt",
  refactor: "debt",
  chore: "debt",
  ci: "debt",
  test: "debt",
  tests: "debt",
  deps: "debt",
  dependencies: "debt",
  bug: "bug",
  incident: "unplanned",
  hotfix: "unplanned",
  feature: "feature",
  enhancement: "feature",
};

const byPrefix: Record<string, ChangeCategoryValue> = {
  feat: "feature",
  fix: "bug",
  refactor: "debt",
  perf: "debt",
  chore: "debt",
  build: "debt",
  ci: "debt",
  test: "debt",
  style: "debt",
  revert: "unplanned",
};

// `type(scope)!: subject`, e.g. "feat(api)!: drop v0"
const conventionalPrefix = /^\s*([a-z]+)(\([^)]*\))?!?:/i;

export function inferCategory(input: { category?: ChangeCategoryValue | undefined; labels?: readonly string[] | undefined; title?: string | undefined }): {
  category: ChangeCategoryValue;
  source: CategorySourceValue;
} {
  if (input.category) return { category: input.category, source: "explicit" };
  for (const label of input.labels ?? []) {
    const category = byLabel[label.trim().toLowerCase()];
    if (category) return { category, source: "label" };
  }
  const prefix = conventionalPrefix.exec(input.title ?? "")?.[1]?.toLowerCase();
  const category = prefix ? byPrefix[prefix] : undefined;
  if (category) return { category, source: "prefix" };
  return { category: "other", source: "none" };
}
