import { describe, expect, test } from "vitest";
import { Email, roleCovers, UserUpdate, type RoleValue } from "./auth.ts";

describe("roleCovers", () => {
  test.each([
    ["viewer", "viewer", true],
    ["viewer", "editor", false],
    ["viewer", "admin", false],
    ["editor", "viewer", true],
    ["editor", "editor", true],
    ["editor", "admin", false],
    ["admin", "viewer", true],
    ["admin", "editor", true],
    ["admin", "admin", true],
  ] as [RoleValue, RoleValue, boolean][])("%s covers %s: %s", (role, needed, expected) => expect(roleCovers(role, needed)).toBe(expected));
});

test("e-mail addresses are trimmed and lower-cased; anything else is refused with a reason", () => {
  expect(Email.parse("  Ada@Example.COM ")).toBe("ada@example.com");
  expect(Email.safeParse("ada").error?.issues[0]?.message).toBe("must be an e-mail address");
});

test("a user update must change something", () => {
  expect(UserUpdate.safeParse({ email: "a@b.example" }).success).toBe(false);
  expect(UserUpdate.safeParse({ email: "a@b.example", disabled: true }).success).toBe(true);
  expect(UserUpdate.safeParse({ email: "a@b.example", password: "short" }).error?.issues[0]?.message).toBe("must be at least 12 characters");
});
