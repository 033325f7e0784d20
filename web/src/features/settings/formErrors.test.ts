import { CostModelUpdate, OrgSettingsUpdate, TeamCreate } from "@keel/shared";
import { TRPCClientError } from "@trpc/client";
import { expect, test } from "vitest";
import { decimalNumber, fieldErrors, fractionToPercent, percentToFraction, serverFieldErrors, slugFrom, wholeNumber } from "./formErrors.ts";

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

test("fields inside an object (the cost model's inputs) are keyed by their own name", () => {
  const result = CostModelUpdate.safeParse({ inputs: { loadedHourlyRateUsd: -1, waitFactor: Number.NaN }, note: "x".repeat(501) });
  expect(result.success).toBe(false);
  if (result.success) return;
  expect(fieldErrors(result.error, "inputs")).toEqual({ loadedHourlyRateUsd: "must be at least 0", waitFactor: "must be a number", note: expect.any(String) });
  // Without `under`, the object's issues fall under its own name, as before.
  expect(Object.keys(fieldErrors(result.error))).toEqual(["inputs", "note"]);
});

test("the server's refusal, keyed by field", () => {
  const issues = JSON.stringify([{ code: "too_small", path: ["inputs", "hoursPerWeek"], message: "must be more than 0" }]);
  const refused = new TRPCClientError(issues, {
    result: { error: { code: -32600, message: issues, data: { code: "BAD_REQUEST", httpStatus: 400, path: "costModel.update" } } },
  });
  expect(serverFieldErrors(refused, "inputs")).toEqual({ hoursPerWeek: "must be more than 0" });
  const failed = new TRPCClientError("Internal error", {
    result: { error: { code: -32603, message: "Internal error", data: { code: "INTERNAL_SERVER_ERROR", httpStatus: 500, path: "costModel.update" } } },
  });
  expect(serverFieldErrors(failed, "inputs")).toBeNull();
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
  expect(decimalNumber("0,5")).toBe(0.5);
  expect(decimalNumber(" 120 ")).toBe(120);
  expect(decimalNumber("")).toBeNull();
  expect(decimalNumber("-")).toBeNaN();
  expect(wholeNumber("6")).toBe(6);
  expect(wholeNumber("")).toBeNull();
  expect(fractionToPercent(0.2)).toBe("20");
  expect(fractionToPercent(0.125)).toBe("12.5");
  expect(fractionToPercent(null)).toBe("");
});
