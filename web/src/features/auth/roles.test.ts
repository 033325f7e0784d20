import { ROLES as SHARED_ROLES, roleCovers as sharedRoleCovers } from "@keel/shared";
import { expect, test } from "vitest";
import { aRole, roleCovers, ROLES } from "./roles.ts";

test("the roles and their order agree with the server's", () => {
  expect(ROLES).toEqual(SHARED_ROLES);
});

test.each(ROLES.flatMap((role) => ROLES.map((needed) => [role, needed] as const)))("%s covers %s as the server says", (role, needed) => {
  expect(roleCovers(role, needed)).toBe(sharedRoleCovers(role, needed));
});

test("no role covers nothing", () => {
  expect(roleCovers(null, "viewer")).toBe(false);
  expect(roleCovers(undefined, "viewer")).toBe(false);
});

test("a role in a sentence", () => {
  expect(aRole("admin")).toBe("an admin");
  expect(aRole("editor")).toBe("an editor");
  expect(aRole("viewer")).toBe("a viewer");
});
