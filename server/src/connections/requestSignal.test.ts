import { getEventListeners } from "node:events";
import { describe, expect, test } from "vitest";
import { withRequestSignal } from "./requestSignal.ts";

describe("withRequestSignal", () => {
  test("leaves no listener on the sync's signal, however many requests ran", async () => {
    const sync = new AbortController();
    for (let i = 0; i < 20; i++) await withRequestSignal(sync.signal, async () => i);
    await expect(withRequestSignal(sync.signal, () => Promise.reject(new Error("refused")))).rejects.toThrow("refused");
    expect(getEventListeners(sync.signal, "abort")).toHaveLength(0);
  });

  test("aborting the sync aborts the running request, with the sync's reason", async () => {
    const sync = new AbortController();
    const seen = withRequestSignal(
      sync.signal,
      (signal) => new Promise((_resolve, reject) => signal.addEventListener("abort", () => reject(signal.reason as Error))),
    );
    sync.abort(new Error("shutting down"));
    await expect(seen).rejects.toThrow("shutting down");
    await expect(withRequestSignal(sync.signal, async () => 1)).rejects.toThrow("shutting down");
  });
});
