import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import type { Db } from "../db/client.ts";
import { createWebhookSpool, type DeliveryRow } from "./webhookSpool.ts";

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

const row = (key: string): DeliveryRow => ({ source: "github", kind: "ping", dedupeKey: key, payload: { zen: "x" }, processedAt: null, note: null });

/** A stand-in for the database: records what flush wrote. */
function fakeDb() {
  const written: unknown[] = [];
  const db = { rawEvent: { createMany: async ({ data }: { data: unknown[] }) => (written.push(...data), { count: data.length }) } } as unknown as Db;
  return { db, written };
}

describe("webhook spool on disk", () => {
  test("a spooled delivery survives a new process (a new spool on the same directory) and is flushed once", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "keel-spool-"));
    dirs.push(dir);
    await createWebhookSpool(dir).put(row("github:a"));
    const kept = await createWebhookSpool(dir).put(row("github:b"));
    expect((await readdir(dir)).filter((f) => f.endsWith(".json"))).toHaveLength(2);

    const { db, written } = fakeDb();
    const after = createWebhookSpool(dir);
    await after.remove(kept); // stored by its own insert meanwhile
    expect(await after.flush(db)).toBe(1);
    expect(written).toEqual([expect.objectContaining({ dedupeKey: "github:a", processedAt: null })]);
    expect(await after.flush(db)).toBe(0);
    expect(await readdir(dir)).toEqual([]);
  });
});
