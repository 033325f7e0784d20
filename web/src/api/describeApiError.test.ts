import { TRPCClientError } from "@trpc/client";
import { expect, test } from "vitest";
import { describeApiError, SERVER_FAILED, SERVER_UNREACHABLE } from "./describeApiError.ts";

function serverError(message: string, httpStatus: number) {
  const code = httpStatus >= 500 ? -32603 : -32600;
  return new TRPCClientError(message, {
    result: {
      error: {
        code,
        message,
        data: { code: httpStatus >= 500 ? "INTERNAL_SERVER_ERROR" : "BAD_REQUEST", httpStatus, path: "deployments.trend" },
      },
    },
  });
}

test("no answer from the server reads as unreachable, not as a JSON parser error", () => {
  const error = TRPCClientError.from(new SyntaxError("Failed to execute 'json' on 'Response': Unexpected end of JSON input"));
  expect(describeApiError(error)).toBe(SERVER_UNREACHABLE);
});

test("a server failure says so without internals", () => {
  expect(describeApiError(serverError("Internal error", 500))).toBe(SERVER_FAILED);
});

test("a rejected request shows the server's own message", () => {
  expect(describeApiError(serverError("to: must be after from", 400))).toBe("to: must be after from");
});

test("anything else is a generic failure", () => {
  expect(describeApiError(new Error("boom"))).toBe(SERVER_FAILED);
  expect(describeApiError("boom")).toBe(SERVER_FAILED);
});

test("a rejected request's field details say more than its summary", () => {
  const error = new TRPCClientError("Invalid request: team.", {
    result: {
      error: {
        code: -32600,
        message: "Invalid request: team.",
        data: { code: "BAD_REQUEST", httpStatus: 400, path: "dora.summary" },
        details: [{ path: "team", message: 'no team with slug "nobody"' }],
      },
    },
  });
  expect(describeApiError(error)).toBe('team: no team with slug "nobody"');
});

test("input validation issues are worded, not shown as JSON", () => {
  const issues = JSON.stringify([{ code: "too_big", path: ["limit"], message: "Too big: expected number to be <=100" }]);
  expect(describeApiError(serverError(issues, 400))).toBe("limit: Too big: expected number to be <=100");
  expect(describeApiError(serverError("[not json", 400))).toBe("[not json");
});
