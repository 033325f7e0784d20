// Removing the demo (docs/demo.md "Removing the demo"): a database that had the demo, then the
// organisation's own records, ends up as one that only ever had the organisation's records (and
// the demo team and service they use, which stay), with the same row counts, rollups included,
// and the same metrics. A second removal removes nothing, and the demo does not come back.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { generateDemo } from "../../../server/src/demo/generateDemo.ts";
import { loadDemoIfEmpty } from "../../../server/src/services/loadDemo.ts";
import { snapshotCounts, type Counts } from "../../support/snapshotCounts.ts";
import { startTestApp, type TestApp } from "../../support/httpApp.ts";

const now = new Date();
const DAY = 86_400_000;
const at = (daysAgo: number, minutes = 0) => new Date(now.getTime() - daysAgo * DAY + minutes * 60_000).toISOString();
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const window = `from=${day(now.getTime() - 120 * DAY)}&to=${day(now.getTime() + DAY)}`;

// A commit the demo shipped, which one of the organisation's deployments ships too.
const demo = generateDemo({ now });
const shipped = demo.events.find((e) => e.type === "deployment" && e.service === "payments-api" && e.commits?.length);
const demoCommit = shipped?.type === "deployment" ? shipped.commits?.[0] : undefined;

/** The organisation's own records: its service and a demo service, its own version of a demo incident id. */
const ORG_EVENTS = [
  {
    type: "deployment",
    id: "org-dep-1",
    service: "payments-api",
    environment: "production",
    status: "success",
    finishedAt: at(3),
    repository: "acme/payments-api",
    commits: [{ sha: demoCommit?.sha, committedAt: demoCommit?.committedAt, message: "feat: shipped again" }],
  },
  {
    type: "deployment",
    id: "org-dep-2",
    service: "my-api",
    team: "my-team",
    environment: "production",
    status: "success",
    finishedAt: at(2),
    repository: "org/my-api",
    commits: [{ sha: "a11ce0000000000000000000000000000000000a", committedAt: at(2, -300), message: "fix: the org's own commit" }],
  },
  { type: "incident", id: "org-inc-1", service: "my-api", openedAt: at(2, 30), resolvedAt: at(2, 90), causedByDeploymentId: "org-dep-2" },
  { type: "incident", id: "inc-0001", service: "my-api", openedAt: at(5), resolvedAt: at(5, 45), title: "The org's own inc-0001" },
  { type: "change", sha: "a11ce0000000000000000000000000000000000b", repository: "org/my-api", committedAt: at(1), title: "not deployed yet" },
  ...[1, 2].map((attempt) => ({
    type: "build",
    id: `org-build-a${attempt}`,
    pipeline: "ci",
    service: "payments-api",
    repository: "acme/payments-api",
    commitSha: "a11ce0000000000000000000000000000000000c",
    attempt,
    status: attempt === 1 ? "failure" : "success",
    startedAt: at(1, attempt * 20),
    finishedAt: at(1, attempt * 20 + 10),
  })),
];

/** The demo's fixed flaky test, run by the organisation: it fails then passes on one sha (flaky). */
const junit = (failed: boolean) => `<testsuite name="WebhookDeliveryTest" tests="2">
  <testcase classname="com.acme.payments.webhook.WebhookDeliveryTest" name="redeliversAfterTimeout" time="2.9">${failed ? "<failure message='timeout'/>" : ""}</testcase>
  <testcase classname="com.acme.payments.webhook.WebhookDeliveryTest" name="signsPayload" time="0.02"/>
</testsuite>`;

async function sendOrgRecords(app: TestApp) {
  const res = await app.request("/api/v1/events", { json: { events: ORG_EVENTS } });
  expect(res.status, await res.clone().text()).toBe(200);
  for (const attempt of [1, 2]) {
    const upload = await app.request(`/api/v1/builds/org-build-a${attempt}/junit?report=junit`, {
      method: "POST",
      body: junit(attempt === 1),
      headers: { "content-type": "application/xml" },
    });
    expect(upload.status).toBe(200);
  }
}

async function readViews(app: TestApp) {
  const get = async (path: string) => {
    const res = await app.request(path);
    expect(res.status, path).toBe(200);
    return (path.includes(".csv") ? res.text() : (res.json() as Promise<unknown>)).catch((error: unknown) => {
      throw new Error(`${path}: ${String(error)}`);
    });
  };
  const views: Record<string, unknown> = {};
  // A test's id is a row number (the kept demo test has the demo's); asOf is the time of asking.
  const withoutIds = (value: unknown) => JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === "id" || key === "asOf" ? undefined : v))) as unknown;
  // Not changes.csv: it fails on a change sent without labels, a fault of its own.
  for (const path of ["metrics/dora", "metrics/flaky-tests", "metrics/hours-lost", "metrics/investment", "export/deployments.csv", "export/incidents.csv"]) {
    views[path] = withoutIds(await get(`/api/v1/${path}?${window}`));
  }
  return views;
}

/** The demo team and service the organisation's records use, which stay: as if it had made them itself. */
async function keptCatalog(app: TestApp) {
  const db = app.database.prisma;
  const team = demo.teams.find((t) => t.slug === "payments")!;
  const service = demo.services.find((s) => s.slug === "payments-api")!;
  const { id } = await db.team.create({ data: { slug: team.slug, name: team.name, size: team.size, debtTarget: team.debtTarget ?? null } });
  await db.service.create({ data: { slug: service.slug, name: service.name, repository: service.repository, teamId: id } });
}

/** Row counts that must agree; settings, the audit log and the catalog (checked apart) differ by design. */
const comparable = ({ Setting: _s, AuditEvent: _a, ...rest }: Counts) => rest;

let orgOnly: TestApp;
let withDemo: TestApp;
let loadedCounts: Counts;
beforeAll(async () => {
  expect(demoCommit).toBeDefined();
  [orgOnly, withDemo] = await Promise.all([startTestApp(), startTestApp()]);
  await keptCatalog(orgOnly);
  await sendOrgRecords(orgOnly);
  expect(await loadDemoIfEmpty({ db: withDemo.database.prisma, now })).toBeDefined();
  await sendOrgRecords(withDemo);
  loadedCounts = await snapshotCounts(withDemo.database.prisma);
}, 300_000);
afterAll(async () => {
  await orgOnly?.close();
  await withDemo?.close();
});

describe("DELETE /api/v1/demo", () => {
  test("before: the demo is loaded", async () => {
    const res = await withDemo.request("/api/v1/demo");
    expect(await res.json()).toMatchObject({ loaded: true, loadedAt: now.toISOString(), removedAt: null });
    expect(await (await orgOnly.request("/api/v1/demo")).json()).toEqual({ loaded: false, loadedAt: null, removedAt: null });
  });

  test("removes exactly the demo's records: what is left is what the organisation sent", async () => {
    const res = await withDemo.request("/api/v1/demo", { method: "DELETE" });
    expect(res.status).toBe(200);
    const { removed } = (await res.json()) as { removed: Record<string, number> };
    const after = await snapshotCounts(withDemo.database.prisma);
    const expected = await snapshotCounts(orgOnly.database.prisma);
    expect(comparable(after)).toEqual(comparable(expected));
    // Every count answered is what left the tables.
    expect(removed).toEqual({
      deployments: loadedCounts.Deployment! - after.Deployment!,
      changes: loadedCounts.Change! - after.Change!,
      incidents: loadedCounts.Incident! - after.Incident!,
      builds: loadedCounts.Build! - after.Build!,
      testReports: loadedCounts.TestReport! - after.TestReport!,
      testResults: loadedCounts.TestResult! - after.TestResult!,
      testCases: loadedCounts.TestCase! - after.TestCase!,
      rawEvents: loadedCounts.RawEvent! - after.RawEvent!,
      services: loadedCounts.Service! - after.Service!,
      teams: loadedCounts.Team! - after.Team!,
      environments: loadedCounts.Environment! - after.Environment!,
    });
    expect(removed.deployments).toBeGreaterThan(1000);
    expect(removed.testResults).toBeGreaterThan(20_000);
  });

  test("the demo service the organisation uses stays, with its team; the rest of the catalog goes", async () => {
    const services = await withDemo.database.prisma.service.findMany({ select: { slug: true, team: { select: { slug: true } } }, orderBy: { slug: "asc" } });
    expect(services).toEqual([
      { slug: "my-api", team: { slug: "my-team" } },
      { slug: "payments-api", team: { slug: "payments" } },
    ]);
    expect((await withDemo.database.prisma.team.findMany({ orderBy: { slug: "asc" } })).map((t) => t.slug)).toEqual(["my-team", "payments"]);
  });

  test("metrics, flaky tests and lists agree with a database that never had the demo", async () => {
    expect(await readViews(withDemo)).toEqual(await readViews(orgOnly));
    const incident = await withDemo.database.prisma.incident.findUnique({ where: { id: "inc-0001" } });
    expect(incident?.title).toBe("The org's own inc-0001");
    const delivery = async (app: TestApp) =>
      (
        await app.database.prisma.changeDelivery.findMany({
          select: { deploymentId: true, finishedAt: true, committedAt: true },
          orderBy: { deploymentId: "asc" },
        })
      ).map((d) => ({ ...d }));
    expect(await delivery(withDemo)).toEqual(await delivery(orgOnly));
    const changes = (app: TestApp) =>
      app.database.prisma.change.findMany({ select: { sha: true, repository: true, committedAt: true }, orderBy: { sha: "asc" } });
    expect(await changes(withDemo)).toEqual(await changes(orgOnly));
  });

  test("a second call removes nothing; the status says removed", async () => {
    const before = await snapshotCounts(withDemo.database.prisma);
    const res = await withDemo.request("/api/v1/demo", { method: "DELETE" });
    expect(res.status).toBe(200);
    const { removed } = (await res.json()) as { removed: Record<string, number> };
    expect(Object.values(removed).every((n) => n === 0)).toBe(true);
    expect(comparable(await snapshotCounts(withDemo.database.prisma))).toEqual(comparable(before));
    const status = (await (await withDemo.request("/api/v1/demo")).json()) as { loaded: boolean; removedAt: string | null };
    expect(status.loaded).toBe(false);
    expect(status.removedAt).not.toBeNull();
  });

  test("a restart does not load it again, even once the organisation's records are gone", async () => {
    expect(await loadDemoIfEmpty({ db: withDemo.database.prisma, now })).toBeUndefined();
    const db = orgOnly.database.prisma;
    await orgOnly.request("/api/v1/demo", { method: "DELETE" });
    await db.deployment.deleteMany();
    expect(await loadDemoIfEmpty({ db, now })).toBeUndefined();
    expect(await db.deployment.count()).toBe(0);
  });

  test("the removal is in the audit log with its counts", async () => {
    const entry = await withDemo.database.prisma.auditEvent.findFirst({ where: { action: "demo.remove" }, orderBy: { id: "asc" } });
    expect(entry).toMatchObject({ target: "organisation" });
    expect((entry?.changes as { deployments: number }).deployments).toBeGreaterThan(1000);
  });
});
