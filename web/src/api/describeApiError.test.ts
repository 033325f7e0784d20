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
