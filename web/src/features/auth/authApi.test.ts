import { expect, test } from "vitest";
import { SERVER_FAILED, SERVER_UNREACHABLE } from "../../api/describeApiError.ts";
import { AuthRequestError, authFieldErrors, describeAuthError, errorBodyOf, failureOf } from "./authApi.ts";

test("an error body's message and details", () => {
  expect(
    errorBodyOf({
      error: { code: "VALIDATION_FAILED", message: "Invalid request: email.", details: [{ path: "email", message: "must be an e-mail address" }] },
    }),
  ).toEqual({
    message: "Invalid request: email.",
    details: [{ path: "email", message: "must be an e-mail address" }],
  });
  expect(errorBodyOf(null)).toEqual({ details: [] });
  expect(errorBodyOf({ error: "nope" })).toEqual({ details: [] });
});

test("a refusal carries its status, words and Retry-After", () => {
  const response = new Response(null, { status: 429, headers: { "Retry-After": "900" } });
  const error = failureOf(response, { error: { code: "RATE_LIMITED", message: "Too many failed sign-ins. Try again in 15 minutes." } });
  expect(error).toMatchObject({ status: 429, retryAfterSeconds: 900, message: "Too many failed sign-ins. Try again in 15 minutes." });
});

test("refusals are described in the server's words", () => {
  expect(describeAuthError(new AuthRequestError(401, "The e-mail or password is not right, or the account is disabled."))).toBe(
    "The e-mail or password is not right, or the account is disabled.",
  );
  expect(describeAuthError(new AuthRequestError(403, "This setup link is not valid (used, expired or replaced)."))).toMatch(/^This setup link/);
});

test("without the server's words, still in words", () => {
  expect(describeAuthError(new AuthRequestError(401, ""))).toBe("The e-mail or password is not right.");
  expect(describeAuthError(new AuthRequestError(429, "", [], 600))).toBe("Too many failed sign-ins. Try again in 10 minutes.");
  // Something else answered /auth/me (a proxy's page): not a message for people.
  expect(describeAuthError(new AuthRequestError(200, ""))).toBe(SERVER_FAILED);
});

test("no answer and server failures", () => {
  expect(describeAuthError(new TypeError("Failed to fetch"))).toBe(SERVER_UNREACHABLE);
  expect(describeAuthError(new AuthRequestError(500, "Internal error"))).toBe(SERVER_FAILED);
  expect(describeAuthError("boom")).toBe(SERVER_FAILED);
});

test("field errors by field", () => {
  const error = new AuthRequestError(400, "Invalid request: email, password.", [
    { path: "email", message: "must be an e-mail address" },
    { path: "password", message: "must not be empty" },
    { path: "", message: "unrecognized key" },
  ]);
  expect(authFieldErrors(error)).toEqual({ email: "must be an e-mail address", password: "must not be empty" });
  expect(authFieldErrors(new Error("x"))).toEqual({});
});
