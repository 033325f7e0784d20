import { describe, expect, test } from "vitest";
import { isDatabaseUnavailable, isRetryableConflict } from "./dbErrors.ts";
import { withConflictRetry } from "./retry.ts";

/** The shape Prisma gives a failed raw query through a driver adapter. */
const prismaError = (cause: Record<string, unknown>) =>
  Object.assign(new Error("Raw query failed"), { code: "P2010", meta: { driverAdapterError: Object.assign(new Error(String(cause.kind)), { cause }) } });

const deadlock = prismaError({ originalCode: "40P01", kind: "TransactionWriteConflict" });
const unique = prismaError({ originalCode: "23505", kind: "UniqueConstraintViolation" });

describe("withConflictRetry", () => {
  test("runs a transaction again after a deadlock and returns its result", async () => {
    let calls = 0;
    const result = await withConflictRetry(
      async () => {
        calls++;
        if (calls < 3) throw deadlock;
        return "stored";
      },
      { baseDelayMs: 1 },
    );
    expect([result, calls]).toEqual(["stored", 3]);
  });

  test("gives up after the bounded number of attempts", async () => {
    let calls = 0;
    const attempt = withConflictRetry(
      async () => {
        calls++;
        throw deadlock;
      },
      { attempts: 4, baseDelayMs: 1 },
    );
    await expect(attempt).rejects.toBe(deadlock);
    expect(calls).toBe(4);
  });

  test("does not retry other errors, nor unique violations unless asked", async () => {
    let calls = 0;
    const fail = (error: Error) => async () => {
      calls++;
      throw error;
    };
    await expect(withConflictRetry(fail(new Error("division by zero")), { baseDelayMs: 1 })).rejects.toThrow("division");
    await expect(withConflictRetry(fail(unique), { baseDelayMs: 1 })).rejects.toBe(unique);
    expect(calls).toBe(2);
    expect(isRetryableConflict(unique, { uniqueViolations: true })).toBe(true);
  });
});

describe("isDatabaseUnavailable", () => {
  test.each([
    ["unreachable through the adapter", prismaError({ kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5999 }), true],
    ["admin shutdown", prismaError({ originalCode: "57P01", kind: "postgres" }), true],
    ["connection exception class", prismaError({ originalCode: "08006", kind: "postgres" }), true],
    ["a refused socket", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5999"), { code: "ECONNREFUSED" }), true],
    ["pg's dropped connection", new Error("Connection terminated unexpectedly"), true],
    ["pool timeout", Object.assign(new Error("Timed out fetching a new connection"), { code: "P2024" }), true],
    ["a deadlock", deadlock, false],
    ["a bug", new TypeError("x is undefined"), false],
  ])("%s: %s", (_name, error, expected) => {
    expect(isDatabaseUnavailable(error)).toBe(expected);
  });
});
