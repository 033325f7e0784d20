// Subscriptions over REST and tRPC, and "send now" through a real SMTP server and a Slack receiver
// on loopback: the figures read back out of the sent messages are GET /api/v1/reports/weekly's.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { formatPercent, formatUsdCents } from "@keel/shared/numbers";
import { lastFullWeek } from "../../../server/src/jobs/schedule.ts";
import { startScheduler, type Scheduler } from "../../../server/src/jobs/scheduler.ts";
import { createLogger } from "../../../server/src/logger.ts";
import type { WeeklyReport } from "../../../server/src/services/getWeeklyReport.ts";
import { adminContext, signInAs, startTestApp, TEST_SECRETS, type TestApp } from "../../support/httpApp.ts";
import { startMailServer, type MailServer } from "../../support/mailServer.ts";
import { startSlackReceiver, type SlackReceiver } from "../../support/slackReceiver.ts";
import { appRouter } from "../../../server/src/trpc/router.ts";
import { getJson, send } from "../costs/support.ts";
import path from "node:path";
import { launchBrowser } from "../../support/browser.ts";
import { repoRoot } from "../../support/keelProcess.ts";
import { isoWeekDates } from "@keel/shared/calendar";

let app: TestApp;
let mail: MailServer;
let slack: SlackReceiver;
let jobs: Scheduler;
const week = lastFullWeek(new Date(), "UTC");
const { monday } = isoWeekDates(week);
const day = (offset: number, time: string) => `${new Date(Date.parse(`${monday}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10)}T${time}Z`;

beforeAll(async () => {
  [app, mail, slack] = await Promise.all([startTestApp(), startMailServer(), startSlackReceiver()]);
  jobs = startScheduler(
    {
      db: app.database.prisma,
      secrets: TEST_SECRETS,
      logger: createLogger("silent"),
      digest: { smtpUrl: mail.url, mailFrom: "Keel <keel@test.example>", publicUrl: "https://keel.test.example" },
    },
    { timer: false },
  );
  await appRouter.createCaller(adminContext(app.database.prisma)).teams.create({ slug: "platform", name: "Platform" });
  await send(app, [
    {
      type: "deployment",
      id: "p-d0",
      service: "platform-api",
      team: "platform",
      status: "success",
      finishedAt: day(-9, "10:00:00"),
      commits: [{ sha: "pppp0000", committedAt: day(-9, "08:00:00") }],
    },
    {
      type: "deployment",
      id: "p-d1",
      service: "platform-api",
      team: "platform",
      status: "success",
      finishedAt: day(1, "10:00:00"),
      commits: [{ sha: "pppp1111", committedAt: day(1, "08:00:00") }],
    },
    {
      type: "deployment",
      id: "p-d2",
      service: "platform-api",
      team: "platform",
      status: "success",
      finishedAt: day(2, "10:00:00"),
      commits: [{ sha: "pppp2222", committedAt: day(2, "08:00:00") }],
    },
    {
      type: "incident",
      id: "p-i1",
      service: "platform-api",
      severity: "sev1",
      title: "Checkout <down> & out",
      openedAt: day(1, "12:00:00"),
      resolvedAt: day(1, "15:30:00"),
      causedByDeploymentId: "p-d1",
    },
  ]);
});
afterAll(async () => {
  await jobs.stop();
  await Promise.all([app.close(), mail.close(), slack.close()]);
});

const create = (json: unknown, token?: string | null, headers?: Record<string, string>) =>
  app.request("/api/v1/subscriptions", { json, ...(token === undefined ? {} : { token }), ...(headers ? { headers } : {}) });

describe("subscriptions", () => {
  test("bad input is a 400 naming the field, and nothing is stored", async () => {
    for (const [body, path] of [
      [{ channel: "fax" }, "channel"],
      [{ channel: "email", to: [] }, "to"],
      [{ channel: "email", to: ["not-an-address"] }, "to[0]"],
      [{ channel: "slack", webhookUrl: "ftp://x" }, "webhookUrl"],
      [{ channel: "email", to: ["a@b.example"], schedule: { weekday: "someday", time: "08:00" } }, "schedule.weekday"],
      [{ channel: "email", to: ["a@b.example"], schedule: { weekday: "monday", time: "25:00" } }, "schedule.time"],
      [{ channel: "email", to: ["a@b.example"], team: "nosuchteam" }, "team"],
      [{ channel: "email", to: ["a@b.example"], alerts: true, alertThresholds: { changeFailureRate: 15 } }, "alertThresholds.changeFailureRate"],
      [{ channel: "email", to: ["a@b.example"], alerts: true, alertThresholds: { hoursLost: -1 } }, "alertThresholds.hoursLost"],
      [{ channel: "email", to: ["a@b.example"], alerts: true, alertThresholds: { hours: 5 } }, "alertThresholds.hours"],
    ] as const) {
      const res = await create(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(await res.json())).toContain(`"path":"${path}"`);
    }
    expect(await app.database.prisma.subscription.count()).toBe(0);
  });

  test("viewers may not subscribe; editors may", async () => {
    const viewer = await signInAs(app, "viewer");
    expect((await create({ channel: "email", to: ["v@test.example"] }, null, { cookie: viewer.cookie })).status).toBe(403);
    const editor = await signInAs(app, "editor");
    const res = await create({ channel: "email", to: ["e@test.example"] }, null, { cookie: editor.cookie, origin: app.url });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    expect((await app.request(`/api/v1/subscriptions/${id}`, { method: "DELETE" })).status).toBe(200);
    expect((await app.request(`/api/v1/subscriptions/${id}`, { method: "DELETE" })).status).toBe(404);
  });

  test("a Slack webhook URL is stored sealed and answered redacted, in the list and the audit log", async () => {
    const res = await create({ channel: "slack", webhookUrl: slack.webhookUrl, team: "platform", schedule: { weekday: "friday", time: "17:30" } });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string; webhookUrl: string };
    expect(created.webhookUrl).toBe(`http://${new URL(slack.webhookUrl).host}/…1234`);
    const list = await (await app.request("/api/v1/subscriptions")).text();
    expect(list).not.toContain("XyZsecretpart");
    expect(list).toContain('"schedule":{"weekday":"friday","time":"17:30"}');
    const row = await app.database.prisma.subscription.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.webhookSealed).toMatch(/^v1:/);
    expect(JSON.stringify(row)).not.toContain("XyZsecretpart");
    const audit = await app.database.prisma.auditEvent.findMany({ where: { action: "subscription.create" }, select: { changes: true } });
    expect(JSON.stringify(audit)).not.toContain("XyZsecretpart");
    expect(audit.length).toBeGreaterThan(0);
  });

  test("the same over tRPC", async () => {
    const caller = appRouter.createCaller(adminContext(app.database.prisma));
    const created = await caller.subscriptions.create({ channel: "email", to: ["Trpc@Test.example"], alerts: true });
    // Alert thresholds default to 15% and 40 h a week (docs/digest.md "Alerts").
    expect(created.alertThresholds).toEqual({ changeFailureRate: 0.15, hoursLost: 40 });
    const own = await caller.subscriptions.create({ channel: "email", to: ["own@test.example"], alerts: true, alertThresholds: { hoursLost: 12.5 } });
    expect(own.alertThresholds).toEqual({ changeFailureRate: 0.15, hoursLost: 12.5 });
    await caller.subscriptions.delete({ id: own.id });
    expect(created).toMatchObject({ channel: "email", to: ["trpc@test.example"], schedule: { weekday: "monday", time: "08:00" }, alerts: true });
    expect((await caller.subscriptions.list()).subscriptions.map((s) => s.id)).toContain(created.id);
    await expect(caller.subscriptions.create({ channel: "email", to: ["x"] } as never)).rejects.toThrow(/e-mail address/);
    await caller.subscriptions.delete({ id: created.id });
    expect((await caller.subscriptions.list()).subscriptions.map((s) => s.id)).not.toContain(created.id);
  });
});

describe("send now", () => {
  test("e-mail: one multipart message naming the week, with the report's figures to the cent and a link back", async () => {
    const { id } = (await (await create({ channel: "email", to: ["lead@acme.example", "cto@acme.example"] })).json()) as { id: string };
    const res = await app.request(`/api/v1/subscriptions/${id}/send`, { method: "POST" });
    expect(res.status).toBe(202);
    const queued = (await res.json()) as { delivery: { id: string; status: string; week: string } };
    expect(queued.delivery).toMatchObject({ status: "pending", week });
    expect(await jobs.tick()).toEqual({ sent: 1, failed: 0 });
    expect(mail.received).toHaveLength(1);
    const { mail: m, envelopeTo } = mail.received[0] as MailServer["received"][number];
    expect(envelopeTo.sort()).toEqual(["cto@acme.example", "lead@acme.example"]);

    const report = await getJson<WeeklyReport>(app, "/api/v1/reports/weekly", { week });
    expect(report.slipped.slipped?.team).toBe("platform");
    expect(m.subject).toBe(`Keel weekly health ${week}: Platform slipped`);
    const text = m.text ?? "";
    const html = typeof m.html === "string" ? m.html : "";
    expect(html).not.toBe("");
    const figures = [
      formatUsdCents(report.hoursLost.costUsd),
      formatUsdCents(report.hoursLost.costByCause.changeFailures),
      `${report.hoursLost.total.toFixed(2)} h`,
      `${formatPercent(report.dora.summary.changeFailureRate.rate ?? -1)} (1 of 2)`,
      formatUsdCents(report.incidents[0]?.costUsd ?? -1),
    ];
    expect(report.hoursLost.costUsd).toBeGreaterThan(0);
    for (const figure of figures) {
      expect(text).toContain(figure);
      expect(html).toContain(figure);
    }
    expect(text).toContain(report.slipped.sentence);
    expect(html).toContain(report.slipped.sentence.replace(/&/g, "&amp;"));
    const link = `https://keel.test.example/weekly-report?week=${week}`;
    expect(text).toContain(link);
    expect(html).toContain(`href="${link}"`);
    expect(html).toContain("Checkout &lt;down&gt; &amp; out");
    expect(html).not.toMatch(/<script|<img|src=|<link|url\(/i);

    const log = (await (await app.request(`/api/v1/subscriptions/${id}/deliveries`)).json()) as {
      deliveries: { status: string; attempts: number; sentAt: string | null }[];
    };
    expect(log.deliveries).toEqual([expect.objectContaining({ status: "sent", attempts: 1, sentAt: expect.any(String) })]);
  });

  test("the e-mail's HTML renders in Chromium with scripts off and without loading anything (docs/screenshots/weekly-email.png)", async () => {
    const html = mail.received[0]?.mail.html;
    expect(typeof html).toBe("string");
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 760, height: 900 }, javaScriptEnabled: false });
      const requests: string[] = [];
      await page.route("**/*", (route) => {
        requests.push(route.request().url());
        return route.abort();
      });
      await page.setContent(html as string, { waitUntil: "load" });
      expect(requests).toEqual([]);
      await expect(page.getByRole("link", { name: "Open the report in Keel" }).getAttribute("href")).resolves.toBe(
        `https://keel.test.example/weekly-report?week=${week}`,
      );
      await page.screenshot({ path: path.join(repoRoot, "docs/screenshots/weekly-email.png"), fullPage: true });
    } finally {
      await browser.close();
    }
  });

  test("Slack: Block Kit blocks naming the week, the headline sentences and the link, with a text fallback", async () => {
    const { id } = (await (await create({ channel: "slack", webhookUrl: slack.webhookUrl })).json()) as { id: string };
    expect((await app.request(`/api/v1/subscriptions/${id}/send`, { method: "POST" })).status).toBe(202);
    await jobs.tick();
    expect(slack.posts).toHaveLength(1);
    const post = slack.posts[0] as SlackReceiver["posts"][number];
    const report = await getJson<WeeklyReport>(app, "/api/v1/reports/weekly", { week });
    expect(post.text).toContain(`Keel weekly health ${week}: Platform slipped`);
    expect(post.blocks[0]).toEqual({ type: "header", text: { type: "plain_text", text: `Keel weekly health ${week}: Platform slipped` } });
    const all = JSON.stringify(post.blocks);
    expect(all).toContain(report.slipped.sentence);
    for (const s of report.summaries) expect(all).toContain(s.text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"));
    expect(all).toContain(formatUsdCents(report.hoursLost.costUsd));
    expect(post.blocks.find((b) => b.type === "actions")?.elements?.[0]?.url).toBe(`https://keel.test.example/weekly-report?week=${week}`);
    expect(post.blocks.length).toBeLessThanOrEqual(50);
  });

  test("a failure is retried with backoff and logged with why; attempts are bounded", async () => {
    const { id } = (await (await create({ channel: "slack", webhookUrl: slack.webhookUrl })).json()) as { id: string };
    slack.failNext(1);
    await app.request(`/api/v1/subscriptions/${id}/send`, { method: "POST" });
    expect(await jobs.tick()).toEqual({ sent: 0, failed: 1 });
    const [failed] = (await (await app.request(`/api/v1/subscriptions/${id}/deliveries`)).json()).deliveries as {
      status: string;
      error: string;
      dueAt: string;
    }[];
    expect(failed).toMatchObject({ status: "pending", error: "Slack: 500 internal_error" });
    expect(Date.parse(failed?.dueAt ?? "")).toBeGreaterThan(Date.now() + 50_000);
    expect(JSON.stringify(failed)).not.toContain("XyZsecretpart");
    // Not due yet: nothing happens.
    expect(await jobs.tick()).toEqual({ sent: 0, failed: 0 });
  });

  test("an unknown subscription is a 404; a malformed id a 400", async () => {
    expect((await app.request("/api/v1/subscriptions/00000000-0000-4000-8000-000000000000/send", { method: "POST" })).status).toBe(404);
    expect((await app.request("/api/v1/subscriptions/nope/send", { method: "POST" })).status).toBe(400);
  });
});
