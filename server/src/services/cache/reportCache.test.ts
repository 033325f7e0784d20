import { describe, expect, test } from "vitest";
import { createReportCache } from "./reportCache.ts";

/** A computation that counts its calls and answers a fresh object each time. */
function counter() {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    compute: async () => ({ n: ++calls, nested: { list: [calls] } }),
  };
}

describe("createReportCache", () => {
  const db = {};

  test.each([
    // [what, second request (version, key), recomputed?]
    ["same version and key: served from the cache", "v1", "k", false],
    ["a new data version: recomputed", "v2", "k", true],
    ["another key (window, filters, settings): recomputed", "v1", "other", true],
  ] as const)("%s", async (_what, version, key, recomputed) => {
    const cache = createReportCache<{ n: number }>({ max: 10 });
    const c = counter();
    const first = await cache.get(db, "v1", "k", c.compute);
    const second = await cache.get(db, version, key, c.compute);
    expect(c.calls).toBe(recomputed ? 2 : 1);
    expect(second === first).toBe(!recomputed);
  });

  test("each database has its own entries", async () => {
    const cache = createReportCache<{ n: number }>({ max: 10 });
    const c = counter();
    await cache.get({}, "v1", "k", c.compute);
    await cache.get({}, "v1", "k", c.compute);
    expect(c.calls).toBe(2);
  });

  test("requests that arrive during a computation share it", async () => {
    const cache = createReportCache<{ n: number }>({ max: 10 });
    const c = counter();
    const [a, b] = await Promise.all([cache.get(db, "v1", "k", c.compute), cache.get(db, "v1", "k", c.compute)]);
    expect(c.calls).toBe(1);
    expect(b).toBe(a);
  });

  test("keeps at most `max` entries, dropping the least recently used", async () => {
    const cache = createReportCache<{ n: number }>({ max: 2 });
    const c = counter();
    await cache.get(db, "v1", "a", c.compute);
    await cache.get(db, "v1", "b", c.compute);
    await cache.get(db, "v1", "a", c.compute); // a is now the most recent
    await cache.get(db, "v1", "c", c.compute); // drops b
    expect(c.calls).toBe(3);
    await cache.get(db, "v1", "a", c.compute);
    expect(c.calls).toBe(3);
    await cache.get(db, "v1", "b", c.compute);
    expect(c.calls).toBe(4);
  });

  test("a failed computation is not kept", async () => {
    const cache = createReportCache<{ n: number }>({ max: 10 });
    await expect(cache.get(db, "v1", "k", () => Promise.reject(new Error("database went away")))).rejects.toThrow("database went away");
    const c = counter();
    await expect(cache.get(db, "v1", "k", c.compute)).resolves.toEqual(expect.objectContaining({ n: 1 }));
  });

  test("a cached report is frozen all the way down, so no caller can change what others read", async () => {
    const cache = createReportCache<{ n: number; nested: { list: number[] } }>({ max: 10 });
    const report = await cache.get(db, "v1", "k", counter().compute);
    expect(() => {
      report.nested.list.push(2);
    }).toThrow(TypeError);
    expect(Object.isFrozen(report.nested)).toBe(true);
  });
});
