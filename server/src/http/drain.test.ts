import { PassThrough } from "node:stream";
import { describe, expect, test } from "vitest";
import { drained } from "./drain.ts";

describe("drained", () => {
  test("many back-pressure waits leave no listener behind", async () => {
    const out = new PassThrough({ highWaterMark: 4 });
    const baseline = { drain: out.listenerCount("drain"), close: out.listenerCount("close") };
    for (let i = 0; i < 50; i++) {
      expect(out.write("more than four bytes")).toBe(false);
      const waiting = drained(out);
      out.read();
      await waiting;
    }
    expect({ drain: out.listenerCount("drain"), close: out.listenerCount("close") }).toEqual(baseline);
  });

  test("resolves when the client goes away, and at once when it is already gone", async () => {
    const out = new PassThrough({ highWaterMark: 4 });
    out.write("more than four bytes");
    const waiting = drained(out);
    out.destroy();
    await waiting;
    await drained(out);
    expect(out.listenerCount("close")).toBe(0);
  });
});
