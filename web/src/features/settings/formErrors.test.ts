import { OrgSettingsUpdate, TeamCreate } from "@keel/shared";
import { expect, test } from "vitest";
import { fieldErrors, fractionToPercent, percentToFraction, slugFrom, wholeNumber } from "./formErrors.ts";

test("field messages come from the shared schema, one per field", () => {
  const result = TeamCreate.safeParse({ slug: "Has Spaces", name: "", size: 0 });
  expect(result.success).toBe(false);
  if (result.success) return;
  expect(fieldErrors(result.error)).toEqual({
    slug: "must be lowercase letters, digits, - or _, starting with a letter or digit",
    name: "must not be empty",
    size: "must be at least 1",
  });
});

test("a form-level message has the key form", () => {
  const result = OrgSettingsUpdate.safeParse({});
  expect(result.success).toBe(false);
  if (!result.success) expect(fieldErrors(result.error)).toEqual({ form: "change at least one setting" });
});

test.each([
  ["Payments & Billing", "payments-billing"],
  ["  Équipe Café ", "equipe-cafe"],
  ["Platform", "platform"],
  ["---", ""],
])("slug of %j is %j", (name, slug) => {
  expect(slugFrom(name)).toBe(slug);
  if (slug) expect(TeamCreate.shape.slug.safeParse(slug).success).toBe(true);
});

test("numbers typed in forms", () => {
  expect(percentToFraction("20")).toBe(0.2);
  expect(percentToFraction("12,5")).toBe(0.125);
  expect(percentToFraction(" ")).toBeNull();
  expect(percentToFraction("abc")).toBeNaN();
  expect(wholeNumber("6")).toBe(6);
  expect(wholeNumber("")).toBeNull();
  expect(fractionToPercent(0.2)).toBe("20");
  expect(fractionToPercent(0.125)).toBe("12.5");
  expect(fractionToPercent(null)).toBe("");
});
