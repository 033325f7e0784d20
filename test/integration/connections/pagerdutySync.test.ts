// A PagerDuty connection end to end against recorded PagerDuty answers on loopback (no network):
// incidents of the chosen services with their acknowledgements, resolutions and responders land
// with the right recovery time after one sync (pages, windows and a 429 on the way); a second sync
// changes nothing; an upstream resolve updates in place; a crash mid-sync resumes from its cursor;
// the token is in no answer or log line.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ConnectionView } from "@keel/shared";
import { startConnectionApp, type ConnectionApp, expectRefusedFields, expectTokenNowhere } from "../../support/connectionApp.ts";
import { adminCaller } from "../../support/httpApp.ts";
import { startRecordedPagerduty, type RecordedIncident, type RecordedPagerduty } from "../../support/pagerdutyRecorded.ts";
import { connectionOf, expectResyncChangesNothing, expectSyncFails, expectSyncResumes, expectTokenRefused } from "../../support/syncedRecords.ts";

const TOKEN = "y_NbAkKc66ryYTWUXYEu";
const MAIL = { id: "PIJ90N7", name: "My Mail Service" };
const CHECKOUT = { id: "PCHK001", name: "checkout" };
const OTHER = { id: "POTHER1", name: "someone else's" };
let app: ConnectionApp<RecordedPagerduty>;
let connection: ConnectionView;

const resolved = (id: string, number: number, service: RecordedIncident["service"], opened: string, acked: string, done: string): RecordedIncident => ({
  id,
  number,
  title: `Incident ${number}`,
  service,
  urgency: "high",
  created_at: opened,
  status: "resolved",
  last_status_change_at: done,
  log: [
    { kind: "trigger", at: opened },
    { kind: "assign", at: opened, assignees: ["PXPGF42", "PAM4FGS"] },
    { kind: "notify", at: opened },
    { kind: "acknowledge", at: acked, user: "PXPGF42" },
    { kind: "resolve", at: done, user: "PXPGF42" },
  ],
});

function history(): RecordedIncident[] {
  return [
    // July: a window (90 days) before November's, from since 2026-06-01.
    resolved("Q0JULY1", 1, MAIL, "2026-07-10T08:00:00Z", "2026-07-10T08:10:00Z", "2026-07-10T09:00:00Z"),
    { ...resolved("Q0NOV01", 2, MAIL, "2026-11-02T10:00:00Z", "2026-11-02T10:05:00Z", "2026-11-02T12:00:00Z"), priority: "P1" },
    resolved("Q0NOV02", 3, CHECKOUT, "2026-11-03T10:00:00Z", "2026-11-03T10:30:00Z", "2026-11-03T14:00:00Z"),
    resolved("Q0NOV03", 4, OTHER, "2026-11-03T11:00:00Z", "2026-11-03T11:30:00Z", "2026-11-03T12:00:00Z"),
    {
      id: "Q0NOV04",
      number: 5,
      title: "Checkout slow",
      service: CHECKOUT,
      urgency: "low",
      created_at: "2026-11-04T10:00:00Z",
      status: "acknowledged",
      last_status_change_at: "2026-11-04T10:20:00Z",
      log: [
        { kind: "trigger", at: "2026-11-04T10:00:00Z" },
        { kind: "assign", at: "2026-11-04T10:00:00Z", assignees: ["PAM4FGS"] },
        { kind: "acknowledge", at: "2026-11-04T10:20:00Z", user: "PAM4FGS" },
      ],
    },
  ];
}

beforeAll(async () => {
  app = await startConnectionApp(() => startRecordedPagerduty(history(), { token: TOKEN, pageSize: 2 }));
});
afterAll(() => app?.close());

const incidents = async () => {
  const caller = adminCaller(app);
  return (await caller.incidents.list({ from: "2026-06-01", to: "2026-12-31" })).items;
};
const records = async () =>
  JSON.stringify([await app.database.prisma.incident.findMany({ orderBy: { id: "asc" } }), await app.database.prisma.rawEvent.count()]);

describe("PagerDuty connections", () => {
  test("bad input is a 400 naming the field, and nothing is stored", async () => {
    const cases: [unknown, string][] = [
      [{ kind: "pagerduty", token: TOKEN, services: ["not an id"] }, "services[0]"],
      [{ kind: "pagerduty", services: [MAIL.id] }, "token"],
      [{ kind: "pagerduty", token: TOKEN, apiUrl: "ftp://x" }, "apiUrl"],
      [{ kind: "pagerduty", token: TOKEN, since: "yesterday" }, "since"],
      [{ kind: "pagerduty", token: TOKEN, repositories: ["acme/checkout"] }, "repositories"],
    ];
    await expectRefusedFields(app, cases);
  });

  test("one sync brings the services' incidents in with their recovery times; a 429 in the middle only delays it", async () => {
    app.vendor.rateLimitOnce("/incidents/Q0NOV02/log_entries");
    const res = await app.request("/api/v1/connections", {
      json: { kind: "pagerduty", apiUrl: `${app.vendor.apiUrl}/`, token: TOKEN, services: [MAIL.id, CHECKOUT.id], since: "2026-06-01" },
    });
    expect(res.status).toBe(201);
    connection = (await res.json()) as ConnectionView;
    expect(connection).toMatchObject({ kind: "pagerduty", apiUrl: app.vendor.apiUrl, services: [MAIL.id, CHECKOUT.id], repositories: [], environment: null });
    await app.syncs.idle();

    const synced = await connectionOf(app, connection.id);
    expect(synced).toMatchObject({ status: "idle", lastError: null, counts: { incidents: 4 }, progress: { rateLimitWaits: 1 } });
    expect(app.waits).toEqual([30_000]);
    // Offset pagination (two a page), the services asked for, PagerDuty's version and token header.
    expect(app.vendor.requests.some((r) => r.startsWith("/incidents?") && r.includes("offset=2"))).toBe(true);
    expect(app.vendor.requests.find((r) => r.startsWith("/incidents?"))).toContain("service_ids%5B%5D=PIJ90N7&service_ids%5B%5D=PCHK001");
    expect(new Set(app.vendor.accepts)).toEqual(new Set(["application/vnd.pagerduty+json;version=2"]));

    const items = await incidents();
    expect(items.map((i) => i.id).sort()).toEqual(["pagerduty:Q0JULY1", "pagerduty:Q0NOV01", "pagerduty:Q0NOV02", "pagerduty:Q0NOV04"]);
    const byId = new Map(items.map((i) => [i.id, i]));
    expect(byId.get("pagerduty:Q0NOV01")).toMatchObject({
      service: "My Mail Service",
      severity: "P1",
      acknowledgedAt: "2026-11-02T10:05:00.000Z",
      resolvedAt: "2026-11-02T12:00:00.000Z",
      recoveryHours: 2,
      responders: 2,
      url: "https://subdomain.pagerduty.com/incidents/Q0NOV01",
    });
    expect(byId.get("pagerduty:Q0NOV02")).toMatchObject({ service: "checkout", severity: "high", recoveryHours: 4 });
    expect(byId.get("pagerduty:Q0NOV04")).toMatchObject({ severity: "low", acknowledgedAt: "2026-11-04T10:20:00.000Z", resolvedAt: null, responders: 1 });
    expect(app.finished.at(-1)).toMatchObject({ kind: "pagerduty", outcome: "success" });
  });

  test("a second sync changes nothing", async () => {
    await expectResyncChangesNothing(app, connection.id, { incidents: 4 }, records);
  });

  test("an incident resolved upstream after a sync updates in place", async () => {
    const open = app.vendor.incidents.find((i) => i.id === "Q0NOV04");
    if (!open) throw new Error("no open incident");
    open.status = "resolved";
    open.last_status_change_at = "2026-11-04T13:00:00Z";
    open.log.push({ kind: "resolve", at: "2026-11-04T13:00:00Z", user: "PXPGF42" });
    const asked = app.vendor.requests.length;
    await app.syncNow(connection.id);
    expect(app.vendor.requests.slice(asked).some((r) => r.startsWith("/incidents/Q0NOV04?"))).toBe(true);
    expect(await app.database.prisma.incident.count()).toBe(4);
    expect((await incidents()).find((i) => i.id === "pagerduty:Q0NOV04")).toMatchObject({
      resolvedAt: "2026-11-04T13:00:00.000Z",
      recoveryHours: 3,
      responders: 2,
    });
    expect(await connectionOf(app, connection.id)).toMatchObject({ status: "idle", counts: { incidents: 4 } });
    // Resolved: the next sync no longer reads it by id.
    const later = app.vendor.requests.length;
    await app.syncNow(connection.id);
    expect(app.vendor.requests.slice(later).some((r) => r.startsWith("/incidents/Q0NOV04?"))).toBe(false);
  });

  test("a sync that fails part-way says why in words, and the next resumes from its cursor", async () => {
    const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString().replace(/\.\d{3}Z$/, "Z");
    app.vendor.incidents.push(
      resolved("Q0NEW01", 11, MAIL, minutesAgo(30), minutesAgo(29), minutesAgo(20)),
      resolved("Q0NEW02", 12, MAIL, minutesAgo(25), minutesAgo(24), minutesAgo(20)),
      resolved("Q0NEW03", 13, CHECKOUT, minutesAgo(15), minutesAgo(14), minutesAgo(10)),
    );
    await expectSyncFails(app, connection.id, "/incidents/Q0NEW03/log_entries", "PagerDuty answered 500 (/incidents/Q0NEW03/log_entries)");
    expect(await app.database.prisma.incident.findUnique({ where: { id: "pagerduty:Q0NEW02" } })).not.toBeNull();
    expect(await app.database.prisma.incident.findUnique({ where: { id: "pagerduty:Q0NEW03" } })).toBeNull();

    const resumed = await expectSyncResumes(app, connection.id, { incidents: 7 });
    expect(resumed.some((r) => r.startsWith("/incidents/Q0NEW03/log_entries"))).toBe(true);
    // The first page (stored before the failure) is not read again.
    expect(resumed.some((r) => r.startsWith("/incidents/Q0NEW01/log_entries"))).toBe(false);
  });

  test("a token PagerDuty refuses fails the sync in words", async () => {
    await expectTokenRefused(app, { kind: "pagerduty", apiUrl: app.vendor.apiUrl, token: "u+WrongWrongWrong" }, "The token was refused (401)");
  });

  test("the token is in no answer and no log line, and is stored only sealed", async () => {
    await expectTokenNowhere(app, TOKEN, app.vendor.bodies, connection.id);
  });
});
