// kill -9 the server mid-ingest, start it again: it must be ready within 30 s (PGlite's stale
// lock must not hang it) and every event it acknowledged must be there. Proof of "there": resending
// each acknowledged batch changes nothing (all unchanged), through the public API.
import { afterAll, expect, test } from "vitest";
import { processStore, testDbKind } from "../support/database.ts";
import { startKeelProcess, type KeelProcess } from "../support/keelProcess.ts";

const token = "crash-test-admin-token-0123456789";
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

function batch(n: number) {
  return {
    events: Array.from({ length: 25 }, (_, i) => ({
      type: "deployment",
      id: `crash-${n}-${i}`,
      service: `svc-${i % 5}`,
      status: "success",
      finishedAt: new Date(Date.UTC(2026, 10, 1) + n * 60_000 + i * 1000).toISOString(),
      commits: [{ sha: `c0ffee${n.toString(16).padStart(4, "0")}${i.toString(16).padStart(2, "0")}`, committedAt: "2026-10-30T10:00:00Z" }],
    })),
  };
}

const post = (keel: KeelProcess, body: unknown) =>
  fetch(`${keel.url}/api/v1/events`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });

test("after kill -9 mid-ingest Keel is ready within 30 s and keeps every acknowledged event", async () => {
  const store = await processStore("crash");
  cleanups.push(store.drop);
  const env: Record<string, string> = { KEEL_DEMO: "0", KEEL_API_TOKEN: token, ...store.env };

  const first = await startKeelProcess(env);
  cleanups.push(() => first.stop("SIGKILL"));
  const acknowledged: number[] = [];
  let n = 0;
  // Four writers in parallel, so requests are in flight at the moment of the kill.
  const writers = Array.from({ length: 4 }, async () => {
    while (first.child.exitCode === null && first.child.signalCode === null) {
      const mine = n++;
      try {
        const res = await post(first, batch(mine));
        if (res.status === 200) acknowledged.push(mine);
      } catch {
        return; // the server died under us: this batch was never acknowledged
      }
    }
  });
  while (acknowledged.length < 12) await new Promise((r) => setTimeout(r, 20));
  await first.stop("SIGKILL");
  await Promise.all(writers);
  expect(acknowledged.length).toBeGreaterThanOrEqual(12);

  const second = await startKeelProcess(env);
  cleanups.push(() => second.stop("SIGTERM"));
  expect(second.readyMs).toBeLessThan(30_000);
  if (testDbKind === "pglite") expect(second.output()).toContain("recovered the embedded database");

  for (const k of acknowledged) {
    const res = await post(second, batch(k));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ accepted: 25, created: 0, updated: 0, unchanged: 25 });
  }
  // A clean stop releases the embedded database: the next start finds no stale lock.
  expect(await second.stop("SIGTERM")).toBe(0);
  const third = await startKeelProcess(env);
  cleanups.push(() => third.stop("SIGTERM"));
  expect(third.output()).not.toContain("recovered the embedded database");
});
