import { expect, test } from "vitest";
import { aRole, roleCovers } from "./roles.ts";

test("no role covers nothing", () => {
  expect(roleCovers(null, "viewer")).toBe(false);
  expect(roleCovers(undefined, "viewer")).toBe(false);
});

test("a role in a sentence", () => {
  expect(aRole("admin")).toBe("an admin");
  expect(aRole("editor")).toBe("an editor");
  expect(aRole("viewer")).toBe("a viewer");
});
