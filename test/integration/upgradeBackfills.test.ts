// The data steps of this branch's migrations, run against rows as an older Keel left them: test
// identities keep their id (keyHash is the same hash the server computes), and an identical resend
// of what an event's newest raw event holds stays a no-op after the upgrade.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { AnyEvent, type AnyEventInput } from "@keel/shared";
import { afterAll, beforeAll, expect, test } from "vitest";
import { migrationsDir } from "../../server/src/db/migrations.ts";
import { testIdentityHash } from "../../server/src/ingest/junit/testIdentity.ts";
import { recordEvents } from "../../server/src/services/recordEvents.ts";
import { eventDedupeKey } from "../../server/src/services/events/eventKey.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

/** The statement of a migration that starts with `start`. */
function statement(migration: string, start: string): string {
  const dir = readdirSync(migrationsDir).find((d) => d.endsWith(migration));
  if (!dir) throw new Error(`no migration ${migration}`);
  const sql = readFileSync(path.join(migrationsDir, dir, "migration.sql"), "utf8").replace(/^--.*$/gm, "");
  const found = sql
    .split(";")
    .map((s) => s.trim())
    .find((s) => s.startsWith(start));
  if (!found) throw new Error(`no statement starting ${start} in ${migration}`);
  return found;
}

test("the keyHash backfill gives the hash the server computes, for any name", async () => {
  const key = "checkout\u001fpkg.Suite\u001fnamé with  spaces ✓ " + "x".repeat(3_000) + "\u001f";
  await database.prisma.$executeRawUnsafe(`INSERT INTO "TestCase" ("key", "keyHash", "suite", "name") VALUES ($1, 'stale', 'pkg.Suite', 'n')`, key);
  await database.prisma.$executeRawUnsafe(statement("_test_case_key_hash", 'UPDATE "TestCase"'));
  const row = await database.prisma.testCase.findFirstOrThrow({ where: { key } });
  expect(row.keyHash).toBe(testIdentityHash(key));
});

test("the EventState backfill makes an identical resend of the newest version a no-op", async () => {
  const open: AnyEventInput = { type: "incident", id: "old-incident", service: "billing", openedAt: "2026-11-01T09:00:00Z" };
  const resolved: AnyEventInput = { ...open, resolvedAt: "2026-11-01T10:00:00Z" };
  const send = (event: AnyEventInput) => recordEvents({ db: database.prisma, events: [AnyEvent.parse(event)], source: "test" });
  await send(open);
  await send(resolved);
  // As an older Keel left it: raw events, no EventState.
  await database.prisma.eventState.deleteMany();
  expect(await database.prisma.rawEvent.count({ where: { dedupeKey: eventDedupeKey(AnyEvent.parse(resolved)) } })).toBe(1);
  await database.prisma.$executeRawUnsafe(statement("_event_state", 'INSERT INTO "EventState"'));
  expect(await send(resolved)).toMatchObject({ unchanged: 1 });
  expect(await send(open)).toMatchObject({ updated: 1 });
});
