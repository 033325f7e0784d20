// The durable scheduler with a controlled clock, over a real database and a Slack receiver on
// loopback: the send time on the organisation's wall clock across the end of summer time in
// Europe/Berlin, a restart across the send time (one send, not one per missed week), and two
// schedulers sharing one database (on PostgreSQL two connections' pools) sending each week once.
import { afterAll, beforeAll, beforeEach, expect, test } from "vitest";
import { openDatabase, type Database } from "../../../server/src/db/client.ts";
import { startScheduler, type Scheduler } from "../../../server/src/jobs/scheduler.ts";
import { createLogger } from "../../../server/src/logger.ts";
import { appRouter } from "../../../server/src/trpc/router.ts";
import { createTestDatabase, type TestDatabase } from "../../support/database.ts";
import { adminContext, TEST_SECRETS } from "../../support/httpApp.ts";
import { startSlackReceiver, type SlackReceiver } from "../../support/slackReceiver.ts";

let db: TestDatabase;
let second: Database | undefined;
let slack: SlackReceiver;
let clock = new Date("2026-10-19T12:00:00Z");
const schedulers: Scheduler[] = [];

function scheduler(database: Database["prisma"] = db.prisma): Scheduler {
  const s = startScheduler(
    { db: database, secrets: TEST_SECRETS, logger: createLogger("silent"), digest: { mailFrom: "keel@test.example" }, now: () => clock },
    { timer: false },
  );
  schedulers.push(s);
  return s;
}

const weeksPosted = () => slack.posts.map((p) => /health (\d{4}-W\d{2})/.exec(p.text)?.[1]);

beforeAll(async () => {
  [db, slack] = await Promise.all([createTestDatabase(), startSlackReceiver()]);
  if (db.url) second = await openDatabase({ databaseUrl: db.url });
  const caller = appRouter.createCaller(adminContext(db.prisma));
  await caller.settings.update({ timeZone: "Europe/Berlin" });
  // Created on Monday 19 Oct 2026 12:00 UTC, after that Monday's 08:00: its first send is 26 Oct.
  await db.prisma.subscription.create({
    data: { channel: "slack", recipients: [], webhookSealed: TEST_SECRETS.seal(slack.webhookUrl), webhookRedacted: "x", createdBy: "test", createdAt: clock },
  });
});
afterAll(async () => {
  await Promise.all(schedulers.map((s) => s.stop()));
  await second?.close();
  await Promise.all([db.close(), slack.close()]);
});
beforeEach(() => {
  slack.posts.length = 0;
});

test("the Monday 08:00 send follows Berlin's wall clock across the end of summer time (07:00 UTC after 25 Oct)", async () => {
  const s = scheduler();
  clock = new Date("2026-10-20T12:00:00Z");
  await s.tick();
  expect(slack.posts).toHaveLength(0); // created after the last send time: waits for the next one
  // Summer time ended on Sunday 25 Oct: Monday 08:00 in Berlin is 07:00 UTC, not 06:00.
  clock = new Date("2026-10-26T06:59:59Z");
  await s.tick();
  expect(slack.posts).toHaveLength(0);
  clock = new Date("2026-10-26T07:00:00Z");
  await s.tick();
  expect(weeksPosted()).toEqual(["2026-W43"]);
  // Later passes the same week do nothing.
  clock = new Date("2026-10-28T07:00:00Z");
  await s.tick();
  expect(weeksPosted()).toEqual(["2026-W43"]);
  const log = await db.prisma.delivery.findMany({ where: { kind: "weekly" } });
  expect(log).toEqual([
    expect.objectContaining({
      week: "2026-W43",
      status: "sent",
      attempts: 1,
      dueAt: new Date("2026-10-26T07:00:00Z"),
      sentAt: new Date("2026-10-26T07:00:00Z"),
    }),
  ]);
});

test("a restart across the send time: the missed week goes out once on the next start, not once per missed week", async () => {
  await scheduler().stop(); // "Keel stops" on Wednesday 28 Oct, three sends are missed
  clock = new Date("2026-11-18T09:30:00Z"); // started again on Wednesday 18 Nov, after the W44, W45 and W46 sends
  const restarted = scheduler();
  await restarted.tick();
  expect(weeksPosted()).toEqual(["2026-W46"]);
  await restarted.tick();
  expect(weeksPosted()).toEqual(["2026-W46"]);
});

test("two schedulers on one database deliver each week once", async () => {
  const a = scheduler();
  const b = scheduler(second?.prisma ?? db.prisma);
  clock = new Date("2026-11-23T07:00:00Z"); // Monday 08:00 Berlin: W47 is due
  await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
  await Promise.all([a.tick(), b.tick()]);
  expect(weeksPosted()).toEqual(["2026-W47"]);
  expect(await db.prisma.delivery.count({ where: { week: "2026-W47" } })).toBe(1);
  // A tick asked for while a pass runs starts one more pass after it, unawaited: stop waits for it,
  // so it cannot claim the next test's delivery under that test's clock.
  await Promise.all([a.stop(), b.stop()]);
});

test("a failed send is retried with backoff and, after the last attempt, logged as failed with why", async () => {
  const s = scheduler();
  slack.failNext(99);
  clock = new Date("2026-11-30T07:00:00Z"); // W48 due
  expect(await s.tick()).toEqual({ sent: 0, failed: 1 });
  const delays = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000];
  for (const delay of delays) {
    clock = new Date(clock.getTime() + delay - 1000);
    expect(await s.tick()).toEqual({ sent: 0, failed: 0 }); // not yet
    clock = new Date(clock.getTime() + 1000);
    expect(await s.tick()).toEqual({ sent: 0, failed: 1 });
  }
  const row = await db.prisma.delivery.findFirstOrThrow({ where: { week: "2026-W48" } });
  expect(row).toMatchObject({ status: "failed", attempts: 5, lastError: "Slack: 500 internal_error" });
  clock = new Date(clock.getTime() + 86_400_000);
  expect(await s.tick()).toEqual({ sent: 0, failed: 0 });
  slack.failNext(0);
});
