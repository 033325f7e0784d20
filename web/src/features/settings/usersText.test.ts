import { expect, test } from "vitest";
import { signInWaysText } from "./usersText.ts";

test("how a user signs in", () => {
  expect(signInWaysText({ password: true, sso: false }, false)).toBe("password");
  expect(signInWaysText({ password: false, sso: true }, true)).toBe("single sign-on");
  expect(signInWaysText({ password: true, sso: true }, true)).toBe("password or single sign-on");
});

test("a user with neither way yet", () => {
  expect(signInWaysText({ password: false, sso: false }, true)).toBe("single sign-on (not signed in yet)");
  expect(signInWaysText({ password: false, sso: false }, false)).toMatch(/^none yet/);
});
