import { describe, expect, test } from "vitest";
import { addCategory, balanceOf, NO_CHANGES, trendOf } from "./investmentBalance.ts";

describe("investment balance", () => {
  test.each([
    // 3 debt of 10: 0.3 against 0.2: above by 0.1; 1 unclassified: 0.1
    [{ ...NO_CHANGES, debt: 3, feature: 5, bug: 1, other: 1 }, 0.2, 0.3, 0.1, "above"],
    [{ ...NO_CHANGES, debt: 1, feature: 9 }, 0.2, 0.1, 0, "below"],
    [{ ...NO_CHANGES, debt: 1, feature: 4 }, 0.2, 0.2, 0, "above"],
    [NO_CHANGES, 0.2, null, null, "no changes"],
  ])("%j against %d", (counts, target, debt, other, status) => {
    const b = balanceOf(counts, target);
    expect(b.debtShare).toBe(debt);
    expect(b.unclassifiedShare).toBe(other);
    expect(b.status).toBe(status);
    expect(b.againstTarget === null ? null : Math.round(b.againstTarget * 1e9) / 1e9).toBe(debt === null ? null : Math.round((debt - target) * 1e9) / 1e9);
  });

  test("an unknown category counts as other", () => {
    expect(addCategory(NO_CHANGES, "chore", 2)).toEqual({ ...NO_CHANGES, other: 2 });
  });

  test.each([
    [[10, 9, 8, 4, 3, 2], "falling"],
    [[1, 2, 2, 6, 7, 9], "rising"],
    [[5, 5, 5, 5, 5, 5.1], "flat"],
  ])("trend of %j: %s", (values, direction) => {
    expect(trendOf(values)?.direction).toBe(direction);
  });
});
