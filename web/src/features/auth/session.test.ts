import { expect, test } from "vitest";
import { roleOfSession, sessionFrom } from "./session.ts";

const signIn = { password: true, sso: true, setup: false };

test("a signed-in user", () => {
  const session = sessionFrom(200, { user: { email: "ana@example.com", name: "Ana", role: "editor" }, signIn });
  expect(session).toEqual({ kind: "user", user: { email: "ana@example.com", name: "Ana", role: "editor" }, signIn });
  expect(roleOfSession(session)).toBe("editor");
});

test("an anonymous viewer (a kiosk)", () => {
  const session = sessionFrom(200, { user: null, anonymousRole: "viewer", signIn });
  expect(session).toEqual({ kind: "anonymous", role: "viewer", signIn });
  expect(roleOfSession(session)).toBe("viewer");
});

test("signed out, with the ways to sign in", () => {
  const session = sessionFrom(401, { error: { code: "UNAUTHORIZED", message: "Not signed in." }, signIn: { password: true, sso: false, setup: true } });
  expect(session).toEqual({ kind: "signed-out", signIn: { password: true, sso: false, setup: true } });
  expect(roleOfSession(session)).toBeNull();
  expect(roleOfSession(undefined)).toBeNull();
});

test("a user without a name is named by their e-mail", () => {
  expect(sessionFrom(200, { user: { email: "ana@example.com", name: "", role: "viewer" }, signIn })).toMatchObject({ user: { name: "ana@example.com" } });
});

test("missing sign-in options mean password only", () => {
  expect(sessionFrom(401, { error: { code: "UNAUTHORIZED", message: "Not signed in." } })).toEqual({
    kind: "signed-out",
    signIn: { password: true, sso: false, setup: false },
  });
});

test("anything else is not a session", () => {
  expect(sessionFrom(200, null)).toBeUndefined();
  expect(sessionFrom(500, { error: { code: "INTERNAL", message: "Internal error" } })).toBeUndefined();
  expect(sessionFrom(200, { user: { email: "ana@example.com", role: "owner" }, signIn })).toBeUndefined();
  expect(sessionFrom(200, { user: null, anonymousRole: null, signIn })).toBeUndefined();
  expect(sessionFrom(403, { error: { code: "FORBIDDEN", message: "Cross-site request refused." } })).toBeUndefined();
});
