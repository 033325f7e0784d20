import { describe, expect, test } from "vitest";
import { inferCategory } from "./inferCategory.ts";

describe("inferCategory", () => {
  test.each([
    [{ category: "bug" as const, labels: ["feature"], title: "feat: x" }, "bug", "explicit"],
    [{ labels: ["tech-debt"] }, "debt", "label"],
    [{ labels: ["Refactor"] }, "debt", "label"],
    [{ labels: ["unknown", "enhancement"] }, "feature", "label"],
    [{ labels: ["hotfix"], title: "feat: x" }, "unplanned", "label"],
    [{ labels: ["bug"] }, "bug", "label"],
    [{ title: "feat(api)!: drop v0" }, "feature", "prefix"],
    [{ title: "fix: null pointer" }, "bug", "prefix"],
    [{ title: "perf: faster query" }, "debt", "prefix"],
    [{ title: "revert: feat: x" }, "unplanned", "prefix"],
    [{ title: "CHORE: bump deps" }, "debt", "prefix"],
    [{ title: "docs: readme" }, "other", "none"],
    [{ title: "Add payment retries" }, "other", "none"],
    [{ title: "feature without colon" }, "other", "none"],
    [{}, "other", "none"],
  ])("%j -> %s (%s)", (input, category, source) => {
    expect(inferCategory(input)).toEqual({ category, source });
  });
});
