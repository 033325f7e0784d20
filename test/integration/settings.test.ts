// The settings page's procedures (tRPC settings.*, teams.*) on a real database: organisation
// settings and what they change in the metrics, teams, and services moved between teams. PGlite by
// default, PostgreSQL with KEEL_TEST_DB=postgres.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { updateOrgSettings } from "../../server/src/services/updateOrgSettings.ts";
import { type TestApp, type AdminCaller } from "../support/httpApp.ts";
import { deploy, incident, startAppWith } from "./dora/support.ts";

let app: TestApp;
let caller: AdminCaller;
beforeAll(async () => {
  ({ app, caller } = await startAppWith([
    // Sunday 23:30 UTC is Monday 08:30 in Tokyo: the week it falls in depends on the time zone.
    deploy("st-1", "api", "2026-11-15T23:30:00Z", { team: "core" }),
    deploy("st-2", "api", "2026-11-17T10:00:00Z", { team: "core" }),
    deploy("st-3", "web", "2026-11-18T10:00:00Z"),
    // Opened 3 days after st-3: attributed with a 7-day window, not with a 2-day one.
    incident("st-i1", "web", "2026-11-21T10:00:00Z", { resolvedAt: "2026-11-21T12:00:00Z" }),
  ]));
});
afterAll(() => app?.close());

const DEFAULTS = {
  timeZone: "UTC",
  thresholdsYear: 2023,
  debtTarget: 0.2,
  attributionWindowDays: 7,
  attributionWindowHours: 168,
  recoveryTimeFrom: "incidentOpened",
  revertsAsFailures: false,
};

describe("settings.update", () => {
  test("starts from the defaults", async () => {
    expect(await caller.settings.get()).toEqual(DEFAULTS);
  });

  test("the time zone moves the weekly buckets of the metrics", async () => {
    const window = { from: "2026-11-09", to: "2026-11-23" };
    const weeks = async () => (await caller.dora.summary(window)).series.map((b) => [b.bucketStart, b.deployments]);
    expect(await weeks()).toEqual([
      ["2026-11-09", 1],
      ["2026-11-16", 2],
    ]);
    expect(await caller.settings.update({ timeZone: "Asia/Tokyo" })).toMatchObject({ timeZone: "Asia/Tokyo" });
    expect((await caller.dora.summary(window)).timeZone).toBe("Asia/Tokyo");
    expect(await weeks()).toEqual([
      ["2026-11-09", 0],
      ["2026-11-16", 3],
    ]);
    await caller.settings.update({ timeZone: "UTC" });
  });

  test("the attribution window changes which deployments failed", async () => {
    const window = { from: "2026-11-16", to: "2026-11-23" };
    expect((await caller.dora.summary(window)).summary.changeFailureRate.failed).toBe(1);
    await caller.settings.update({ attributionWindowDays: 2 });
    expect((await caller.dora.summary(window)).summary.changeFailureRate.failed).toBe(0);
    expect((await caller.deployments.list({ ...window, changeFailure: true })).total).toBe(0);
    await caller.settings.update({ attributionWindowDays: 7 });
  });

  test("the attribution window in hours: one window, the unit sent last wins, days read as hours / 24", async () => {
    expect(await caller.settings.update({ attributionWindowHours: 6 })).toMatchObject({ attributionWindowHours: 6, attributionWindowDays: 0.25 });
    expect(await caller.settings.get()).toMatchObject({ attributionWindowHours: 6, attributionWindowDays: 0.25 });
    // st-i1 opened 3 days after st-3: not within 6 hours.
    expect((await caller.dora.summary({ from: "2026-11-16", to: "2026-11-23" })).summary.changeFailureRate.failed).toBe(0);
    expect(await caller.settings.update({ attributionWindowDays: 7 })).toMatchObject({ attributionWindowHours: 168, attributionWindowDays: 7 });
    expect((await caller.dora.summary({ from: "2026-11-16", to: "2026-11-23" })).summary.changeFailureRate.failed).toBe(1);
    expect(await caller.settings.update({ attributionWindowHours: 90 * 24 })).toMatchObject({ attributionWindowHours: 2160, attributionWindowDays: 90 });
    await caller.settings.update({ attributionWindowDays: 7 });
  });

  test("the thresholds year and the debt target are stored", async () => {
    const after = await caller.settings.update({ thresholdsYear: 2024, debtTarget: 0.25 });
    expect(after).toEqual({
      timeZone: "UTC",
      thresholdsYear: 2024,
      debtTarget: 0.25,
      attributionWindowDays: 7,
      attributionWindowHours: 168,
      recoveryTimeFrom: "incidentOpened",
      revertsAsFailures: false,
    });
    expect((await caller.dora.summary({ from: "2026-11-16", to: "2026-11-23" })).thresholdsYear).toBe(2024);
    await caller.settings.update({ thresholdsYear: 2023, debtTarget: 0.2 });
  });

  test.each([
    [{ timeZone: "Mars/Olympus_Mons" }],
    [{ timeZone: "+01:00" }],
    [{ thresholdsYear: 2022 }],
    [{ attributionWindowDays: 0 }],
    [{ attributionWindowDays: 1.5 }],
    [{ attributionWindowHours: 0 }],
    [{ attributionWindowHours: 2161 }],
    [{ attributionWindowHours: 1.5 }],
    [{ attributionWindowHours: 6, attributionWindowDays: 1 }],
    [{ attributionWindowHours: 6, timeZone: "Mars/Olympus_Mons" }],
    [{ debtTarget: 1.2 }],
    [{ recoveryTimeFrom: "incidentResolved" }],
    [{ revertsAsFailures: "yes" }],
    [{ recoveryTimeFrom: "deploymentFinished", debtTarget: 1.2 }],
    [{}],
  ])("refuses %o and changes nothing", async (update) => {
    await expect(caller.settings.update(update as never)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await caller.settings.get()).toEqual(DEFAULTS);
  });

  test("a time zone the database does not know is refused by the service too", async () => {
    await expect(updateOrgSettings({ db: app.database.prisma, input: { timeZone: "Mars/Olympus_Mons" } })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      details: [{ path: "timeZone", message: expect.stringContaining("does not know") }],
    });
  });
});

describe("teams", () => {
  test("create, then rename and size it, with a debt target override", async () => {
    expect(await caller.teams.create({ slug: "payments", name: "Payments", size: 6 })).toEqual({
      slug: "payments",
      name: "Payments",
      size: 6,
      debtTarget: null,
      services: 0,
    });
    expect(await caller.teams.update({ slug: "payments", name: "Payments & Billing", debtTarget: 0.3 })).toEqual({
      slug: "payments",
      name: "Payments & Billing",
      size: 6,
      debtTarget: 0.3,
      services: 0,
    });
    // null clears an override or an unknown size.
    expect(await caller.teams.update({ slug: "payments", size: null, debtTarget: null })).toMatchObject({ size: null, debtTarget: null });
  });

  test("a taken slug is a conflict; an unknown team is not found; bad values are refused", async () => {
    await expect(caller.teams.create({ slug: "core", name: "Core again" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(caller.teams.update({ slug: "nobody", name: "x" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller.teams.create({ slug: "Has Spaces", name: "x" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.teams.create({ slug: "ok", name: "x", size: 0 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.teams.update({ slug: "core" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  test("moving a service to a team moves its history into the team's metrics", async () => {
    const window = { from: "2026-11-16", to: "2026-11-23" };
    expect((await caller.dora.summary({ ...window, team: "core" })).summary.deploymentFrequency.deployments).toBe(1);
    expect(await caller.teams.assignService({ service: "web", team: "core" })).toEqual({ slug: "web", name: "web", team: "core" });
    expect((await caller.dora.summary({ ...window, team: "core" })).summary.deploymentFrequency.deployments).toBe(2);
    const catalog = await caller.catalog.list();
    expect(catalog.services).toEqual([
      { slug: "api", name: "api", team: "core" },
      { slug: "web", name: "web", team: "core" },
    ]);
    expect(catalog.teams.find((t) => t.slug === "core")?.services).toBe(2);
    expect(await caller.teams.assignService({ service: "web", team: null })).toEqual({ slug: "web", name: "web", team: null });
    expect((await caller.catalog.list()).services.find((s) => s.slug === "web")?.team).toBeNull();
  });

  test("assigning to an unknown team or an unknown service is not found", async () => {
    await expect(caller.teams.assignService({ service: "web", team: "nobody" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller.teams.assignService({ service: "nothing", team: "core" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
