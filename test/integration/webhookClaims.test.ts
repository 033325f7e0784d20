// Several Keel instances on one database: each stored webhook delivery is processed by exactly
// one of them (claims with FOR UPDATE SKIP LOCKED), a claim left by a dead instance is taken over
// once its lease runs out, and a live one is left alone. On PostgreSQL the "instances" are two
// separate connection pools; on PGlite (one connection, one process) two drains run at once.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openDatabase, type Database } from "../../server/src/db/client.ts";
import { createLogger } from "../../server/src/logger.ts";
import { processPendingRawEvents } from "../../server/src/services/processRawEvents.ts";
import { createTestDatabase, testDbKind, type TestDatabase } from "../support/database.ts";

const logger = createLogger("silent");
const push = JSON.parse(readFileSync(fileURLToPath(new URL("../fixtures/webhooks/github/push.json", import.meta.url)), "utf8"));

let database: TestDatabase;
let other: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  other = database.url ? await openDatabase({ databaseUrl: database.url }) : database;
});
afterAll(async () => {
  if (other !== database) await other?.close();
  await database?.close();
});

/** A pending GitHub push delivery whose one commit has its own sha. */
function delivery(n: number, extra: { claimedBy?: string; claimedAt?: Date } = {}) {
  const sha = `c1a1${n.toString(16).padStart(36, "0")}`;
  const commit = { ...push.commits[0], id: sha };
  return {
    source: "github",
    kind: "push",
    dedupeKey: `github:claims-${n}`,
    payload: { ...push, after: sha, commits: [commit], head_commit: commit },
    ...extra,
  };
}

describe("webhook deliveries on a shared database", () => {
  test("two instances draining at once process every delivery exactly once", async () => {
    const count = 40;
    await database.prisma.rawEvent.createMany({ data: Array.from({ length: count }, (_, n) => delivery(n)) });
    const [a, b] = await Promise.all([
      processPendingRawEvents({ db: database.prisma, logger, instance: "keel-a" }),
      processPendingRawEvents({ db: other.prisma, logger, instance: "keel-b" }),
    ]);
    // A delivery processed twice would be counted by both.
    expect(a + b).toBe(count);
    if (testDbKind === "postgres") {
      // Separate pools: the two really worked side by side rather than one after the other.
      expect(a).toBeGreaterThan(0);
      expect(b).toBeGreaterThan(0);
    }
    const rows = await database.prisma.rawEvent.findMany({ where: { dedupeKey: { startsWith: "github:claims-" } } });
    expect(rows.filter((r) => r.processedAt === null)).toEqual([]);
    expect(rows.every((r) => r.note?.startsWith("recorded 1"))).toBe(true);
    const byInstance = { a: rows.filter((r) => r.claimedBy === "keel-a").length, b: rows.filter((r) => r.claimedBy === "keel-b").length };
    expect(byInstance).toEqual({ a, b });
    expect(await database.prisma.change.count({ where: { sha: { startsWith: "c1a1" } } })).toBe(count);
  });

  test("a claim older than the lease is taken over; a live one is left to its instance", async () => {
    const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
    await database.prisma.rawEvent.createMany({
      data: [delivery(100, { claimedBy: "keel-dead", claimedAt: minutesAgo(10) }), delivery(101, { claimedBy: "keel-busy", claimedAt: minutesAgo(1) })],
    });
    expect(await processPendingRawEvents({ db: database.prisma, logger, instance: "keel-a" })).toBe(1);
    const [dead, busy] = await Promise.all([
      database.prisma.rawEvent.findUniqueOrThrow({ where: { dedupeKey: "github:claims-100" } }),
      database.prisma.rawEvent.findUniqueOrThrow({ where: { dedupeKey: "github:claims-101" } }),
    ]);
    expect([dead.claimedBy, dead.processedAt === null]).toEqual(["keel-a", false]);
    expect([busy.claimedBy, busy.processedAt]).toEqual(["keel-busy", null]);
  });
});
