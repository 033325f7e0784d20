// Alerts (docs/digest.md "Alerts") through the scheduler with a controlled clock, a real SMTP server
// and a Slack receiver on loopback: a goal going on track → off track sends one message, a pass in
// the same state none, recovering then worsening one more; a team's change failure rate crossing
// its threshold alerts once; a subscription without alerts gets none; two schedulers sharing one
// database (on PostgreSQL, two connections' pools) send one.
import type { AnyEventInput } from "@keel/shared";
import { afterAll, beforeAll, expect, test } from "vitest";
import { openDatabase, type Database } from "../../../server/src/db/client.ts";
import { startScheduler, type Scheduler } from "../../../server/src/jobs/scheduler.ts";
import { createLogger } from "../../../server/src/logger.ts";
import { appRouter } from "../../../server/src/trpc/router.ts";
import { send } from "../costs/support.ts";
import { adminContext, startTestApp, TEST_SECRETS, type TestApp } from "../../support/httpApp.ts";
import { startMailServer, type MailServer } from "../../support/mailServer.ts";
import { startSlackReceiver, type SlackReceiver } from "../../support/slackReceiver.ts";

let app: TestApp;
let mail: MailServer;
let slack: SlackReceiver;
let second: Database | undefined;
// Wednesday of 2026-W47: the last full week is W46 (9–15 Nov), the goal window 19 Oct – 16 Nov.
let clock = new Date("2026-11-18T12:00:00Z");
const schedulers: Scheduler[] = [];
const ids: Record<"platform" | "payments" | "silent", string> = { platform: "", payments: "", silent: "" };

function scheduler(db = app.database.prisma): Scheduler {
  const s = startScheduler(
    {
      db,
      secrets: TEST_SECRETS,
      logger: createLogger("silent"),
      digest: { smtpUrl: mail.url, mailFrom: "Keel <keel@test.example>", publicUrl: "https://keel.test.example" },
      now: () => clock,
    },
    { timer: false },
  );
  schedulers.push(s);
  return s;
}

let n = 0;
/** `count` deployments of a team in W46, the first `failed` of them followed by an incident they caused. */
function deployments(team: string, count: number, failed: number): AnyEventInput[] {
  const events: AnyEventInput[] = [];
  for (let i = 0; i < count; i += 1) {
    const id = `${team}-d${(n += 1)}`;
    const day = `2026-11-${String(10 + (i % 4)).padStart(2, "0")}`;
    events.push({
      type: "deployment",
      id,
      service: `${team}-api`,
      team,
      status: "success",
      finishedAt: `${day}T10:00:00Z`,
      commits: [{ sha: `${id}-sha`, committedAt: `${day}T08:00:00Z` }],
    });
    if (i < failed) events.push(incident(id, day));
  }
  return events;
}
const incident = (deployment: string, day = "2026-11-13"): AnyEventInput => ({
  type: "incident",
  id: `i-${deployment}`,
  service: deployment.replace(/-d\d+$/, "-api"),
  severity: "sev2",
  openedAt: `${day}T11:00:00Z`,
  resolvedAt: `${day}T12:00:00Z`,
  causedByDeploymentId: deployment,
});

const subscribe = async (json: unknown) => ((await (await app.request("/api/v1/subscriptions", { json })).json()) as { id: string }).id;
const alertsTo = (id: string) => app.database.prisma.delivery.findMany({ where: { subscriptionId: id, kind: "alert" }, orderBy: { createdAt: "asc" } });

beforeAll(async () => {
  [app, mail, slack] = await Promise.all([startTestApp(), startMailServer(), startSlackReceiver()]);
  if (app.database.url) second = await openDatabase({ databaseUrl: app.database.url });
  const caller = appRouter.createCaller(adminContext(app.database.prisma));
  await caller.teams.create({ slug: "platform", name: "Platform" });
  await caller.teams.create({ slug: "payments", name: "Payments" });
  // Platform: 1 failed of 4 (25%). Payments: none of 4 failed.
  await send(app, [...deployments("platform", 4, 1), ...deployments("payments", 4, 0)]);
  // A goal started from 50% towards 10% by mid-2027: 25% is on track, above 54% (the line plus 10% of the distance) off track.
  const platform = await app.database.prisma.team.findUniqueOrThrow({ where: { slug: "platform" } });
  await app.database.prisma.goal.create({
    data: { metric: "changeFailureRate", teamId: platform.id, target: 0.1, by: new Date("2027-06-30"), baseline: 0.5, startedAt: clock },
  });
  // The platform subscription watches the goal only (thresholds out of reach), the payments one its change failure rate.
  ids.platform = await subscribe({
    channel: "email",
    to: ["lead@test.example"],
    team: "platform",
    alerts: true,
    alertThresholds: { changeFailureRate: 1, hoursLost: 1e6 },
  });
  ids.payments = await subscribe({ channel: "slack", webhookUrl: slack.webhookUrl, team: "payments", alerts: true, alertThresholds: { hoursLost: 1e6 } });
  ids.silent = await subscribe({ channel: "email", to: ["quiet@test.example"], alerts: false });
});
afterAll(async () => {
  await Promise.all(schedulers.map((s) => s.stop()));
  await second?.close();
  await Promise.all([app.close(), mail.close(), slack.close()]);
});

const subjects = () => mail.received.map((m) => m.mail.subject);

test("a goal going on track → off track sends one message; the same state again none; recovering then worsening one more", async () => {
  const s = scheduler();
  await s.tick();
  expect(subjects()).toEqual([]); // on track: the baseline, silently
  const states = await app.database.prisma.alertState.findMany({ where: { subscriptionId: ids.platform }, orderBy: { key: "asc" } });
  expect(states.map((r) => [r.key.replace(/:.*/, ""), r.state, r.changedAt, r.alertedAt])).toEqual([
    ["changeFailureRate", "below", clock, null],
    ["goal", "on track", clock, null],
    ["hoursLost", "below", clock, null],
  ]);

  await send(
    app,
    ["platform-d2", "platform-d3", "platform-d4"].map((d) => incident(d)),
  ); // 4 of 4 failed: 100%
  clock = new Date(clock.getTime() + 60_000);
  await s.tick();
  expect(subjects()).toEqual(["Keel alert: Change failure rate goal (platform) is now off track"]);
  const [message] = mail.received;
  expect(message?.envelopeTo).toEqual(["lead@test.example"]);
  expect(message?.mail.text).toContain(
    "change failure rate is 100.0% over the last 4 full weeks, against 50.0% expected by now and a target of 10.0% by 2027-06-30.",
  );
  expect(message?.mail.text).toContain("https://keel.test.example/?team=platform");
  expect(message?.mail.html).toContain('href="https://keel.test.example/?team=platform"');

  clock = new Date(clock.getTime() + 3_600_000);
  await s.tick();
  await s.tick();
  expect(subjects()).toHaveLength(1); // still off track: no second message

  await send(app, deployments("platform", 6, 0)); // 4 of 10: 40%, on track again
  clock = new Date(clock.getTime() + 60_000);
  await s.tick();
  expect(subjects()).toHaveLength(1); // recovering is silent
  expect(await app.database.prisma.alertState.findFirst({ where: { subscriptionId: ids.platform, key: { startsWith: "goal:" } } })).toMatchObject({
    state: "on track",
  });

  await send(
    app,
    ["platform-d9", "platform-d10"].map((d) => incident(d)),
  ); // 6 of 10: 60%
  clock = new Date(clock.getTime() + 60_000);
  await s.tick();
  await s.tick();
  expect(subjects()).toEqual([
    "Keel alert: Change failure rate goal (platform) is now off track",
    "Keel alert: Change failure rate goal (platform) is now off track",
  ]);
  const log = await alertsTo(ids.platform);
  expect(log.map((d) => [d.status, d.week, d.message?.split("\n")[0]])).toEqual([
    ["sent", "2026-W46", "Keel alert: Change failure rate goal (platform) is now off track"],
    ["sent", "2026-W46", "Keel alert: Change failure rate goal (platform) is now off track"],
  ]);
  // Settings reads the last alert from the list.
  const list = (await (await app.request("/api/v1/subscriptions")).json()) as { subscriptions: { id: string; lastAlert: { id: string } | null }[] };
  expect(list.subscriptions.find((x) => x.id === ids.platform)?.lastAlert?.id).toBe(log[1]?.id);
  expect(list.subscriptions.find((x) => x.id === ids.silent)?.lastAlert).toBeNull();
});

test("a team's change failure rate crossing the threshold alerts once, to Slack", async () => {
  const s = scheduler();
  await s.tick();
  expect(slack.posts).toEqual([]); // 0% of 4: below 15%
  await send(app, [incident("payments-d5")]); // 1 of 4: 25%
  clock = new Date(clock.getTime() + 60_000);
  await s.tick();
  clock = new Date(clock.getTime() + 60_000);
  await s.tick();
  expect(slack.posts.map((p) => p.text.split("\n")[0])).toEqual(["Keel alert: Payments team's change failure rate is above 15.0%"]);
  expect(slack.posts[0]?.text).toContain(
    "Payments team's change failure rate was 25.0% in 2026-W46 (1 of 4 production deployments failed), above the alert threshold of 15.0%.",
  );
  expect(slack.posts[0]?.blocks.find((b) => b.type === "actions")?.elements?.[0]?.url).toBe(
    "https://keel.test.example/weekly-report?week=2026-W46&team=payments",
  );
  expect(subjects()).toHaveLength(2); // the platform subscription does not watch Payments
});

test("a subscription with alerts: false gets none", async () => {
  expect(await alertsTo(ids.silent)).toEqual([]);
  expect(await app.database.prisma.alertState.count({ where: { subscriptionId: ids.silent } })).toBe(0);
  expect(mail.received.flatMap((m) => m.envelopeTo)).not.toContain("quiet@test.example");
});

test("two schedulers on one database send one alert for one change", async () => {
  const a = scheduler();
  const b = scheduler(second?.prisma ?? app.database.prisma);
  await send(app, deployments("platform", 10, 0)); // 6 of 20: 30%, on track
  clock = new Date(clock.getTime() + 60_000);
  await Promise.all([a.tick(), b.tick()]);
  const before = { mails: mail.received.length, alerts: (await alertsTo(ids.platform)).length };
  await send(
    app,
    ["platform-d11", "platform-d12", "platform-d13", "platform-d14", "platform-d15", "platform-d16"].map((d) => incident(d)),
  ); // 12 of 20: 60%
  clock = new Date(clock.getTime() + 60_000);
  await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
  await Promise.all([a.tick(), b.tick()]);
  expect(mail.received.length - before.mails).toBe(1);
  expect((await alertsTo(ids.platform)).length - before.alerts).toBe(1);
  await Promise.all([a.stop(), b.stop()]); // the passes a tick during a pass started after it
});
