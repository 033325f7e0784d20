// The Deployments and Incidents pages' procedures (tRPC deployments.*, incidents.*, catalog.list)
// on a small hand-built organisation: filters, pages with totals, and attribution with the rule
// that applied, agreeing with the change failure rate of dora.summary. PGlite by default,
// PostgreSQL with KEEL_TEST_DB=postgres.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type TestApp, signInAs, type AdminCaller } from "../support/httpApp.ts";
import { deploy, deployCommit, incident, plusHours, startAppWith } from "./dora/support.ts";

const T0 = "2026-11-02T10:00:00.000Z"; // a Monday
const at = (hours: number) => plusHours(T0, hours);
const window = { from: "2026-11-01", to: "2026-11-12" };

let app: TestApp;
let caller: AdminCaller;
beforeAll(async () => {
  ({ app, caller } = await startAppWith([
    // Team core: api. Team front: web.
    deploy("d1", "api", at(0), {
      team: "core",
      commits: [
        { sha: "c1aaaaaa", committedAt: at(-2), message: "feat: one" },
        { sha: "c2aaaaaa", committedAt: at(-5), message: "fix: two" },
      ],
    }),
    deployCommit("d2", "api", at(24), "c3aaaaaa", at(20), { team: "core" }),
    deploy("s1", "api", at(23), { team: "core", environment: "staging", commitSha: "c3aaaaaa" }),
    deploy("d3", "api", at(48), { team: "core" }),
    deploy("d4", "api", at(49), { team: "core", kind: "rollback", rollbackOfDeploymentId: "d3" }),
    deploy("d5", "web", at(72), { team: "front" }),
    deploy("d6", "web", at(96), { team: "front", status: "failure" }),
    deploy("d7", "web", at(97), { team: "front" }),
    // d8 ships c3 again: its lead time was counted at d2.
    deployCommit("d8", "api", at(120), "c3aaaaaa", at(20), { team: "core" }),
    deploy("d9", "api", at(144), { team: "core", kind: "hotfix", remediatesIncidentId: "i1" }),
    incident("i1", "api", at(1), { severity: "sev1", title: "Names d1", causedByDeploymentId: "d1", resolvedAt: at(3) }),
    incident("i2", "api", at(26), { severity: "sev2", title: "Names commit c3", causedByCommitSha: "c3aaaaaa", resolvedAt: at(27) }),
    incident("i3", "web", at(74), { severity: "sev2", title: "No cause, after d5", resolvedAt: at(75.5) }),
    incident("i4", undefined, at(121), { severity: "sev3", title: "No service", resolvedAt: at(122) }),
    incident("i5", "api", at(130), { severity: "sev3", title: "Not a change", notCausedByChange: true, resolvedAt: at(131) }),
    incident("i6", "web", at(150), { severity: "sev1", title: "Still open, names d7", causedByDeploymentId: "d7" }),
  ]));
});
afterAll(() => app?.close());

const ids = (items: { id: string }[]) => items.map((i) => i.id);
/** A filtered list holds exactly these ids, in this order, and its total counts them. */
function expectListed(list: { items: { id: string }[]; total: number }, expected: string[]) {
  expect(ids(list.items)).toEqual(expected);
  expect(list.total).toBe(expected.length);
}

describe("deployments.list", () => {
  test("lists the window's deployments to production, newest first, with whether and why each caused a failure", async () => {
    const list = await caller.deployments.list(window);
    expect(list.total).toBe(9);
    expect(ids(list.items)).toEqual(["d9", "d8", "d7", "d6", "d5", "d4", "d3", "d2", "d1"]);
    const byId = new Map(list.items.map((d) => [d.id, d]));
    expect(byId.get("d1")).toMatchObject({
      changeFailure: true,
      failureReasons: [{ rule: "incident", incidentId: "i1", rollbackId: null, revertSha: null }],
      changes: 2,
      team: "core",
    });
    expect(byId.get("d2")?.failureReasons).toEqual([{ rule: "commit", incidentId: "i2", rollbackId: null, revertSha: null }]);
    expect(byId.get("d3")?.failureReasons).toEqual([{ rule: "rollback", incidentId: null, rollbackId: "d4", revertSha: null }]);
    expect(byId.get("d5")?.failureReasons).toEqual([{ rule: "timeWindow", incidentId: "i3", rollbackId: null, revertSha: null }]);
    expect(byId.get("d7")?.failureReasons).toEqual([{ rule: "incident", incidentId: "i6", rollbackId: null, revertSha: null }]);
    // A failed attempt counts nowhere; the rollback, the redeploy and the hotfix caused nothing.
    expect(byId.get("d6")).toMatchObject({ changeFailure: null, failureReasons: [] });
    for (const id of ["d4", "d8", "d9"]) expect(byId.get(id)).toMatchObject({ changeFailure: false, failureReasons: [] });
  });

  test("the failed ones are exactly those the change failure rate counts", async () => {
    const failed = await caller.deployments.list({ ...window, changeFailure: true });
    const fine = await caller.deployments.list({ ...window, changeFailure: false });
    const summary = (await caller.dora.summary(window)).summary.changeFailureRate;
    expect(ids(failed.items).sort()).toEqual(["d1", "d2", "d3", "d5", "d7"]);
    expect(failed.total).toBe(summary.failed);
    expect(failed.total + fine.total).toBe(summary.deployments);
    expect(ids(fine.items).sort()).toEqual(["d4", "d8", "d9"]);
  });

  test.each([
    [{ status: "failure" as const }, ["d6"]],
    [{ kind: "rollback" as const }, ["d4"]],
    [{ kind: "hotfix" as const }, ["d9"]],
    [{ team: "front" }, ["d7", "d6", "d5"]],
    [{ service: "api", status: "success" as const }, ["d9", "d8", "d4", "d3", "d2", "d1"]],
    [{ environment: "staging" }, ["s1"]],
    [{ environment: "nowhere" }, []],
  ])("filters %o", async (filters, expected) => {
    expectListed(await caller.deployments.list({ ...window, ...filters }), expected);
  });

  test("pages keep the total and the order", async () => {
    const first = await caller.deployments.list({ ...window, limit: 4 });
    const last = await caller.deployments.list({ ...window, limit: 4, offset: 8 });
    const beyond = await caller.deployments.list({ ...window, limit: 4, offset: 20 });
    expect(ids(first.items)).toEqual(["d9", "d8", "d7", "d6"]);
    expect(ids(last.items)).toEqual(["d1"]);
    expect([first.total, last.total, beyond.total]).toEqual([9, 9, 9]);
    expect(beyond.items).toEqual([]);
  });

  test("a narrower window and the organisation's time zone bound the list", async () => {
    // [Nov 3, Nov 4) in UTC holds d2 (Nov 3 10:00).
    expect(ids((await caller.deployments.list({ from: "2026-11-03", to: "2026-11-04" })).items)).toEqual(["d2"]);
  });

  test("unknown names and bad windows are refused, naming the field", async () => {
    await expect(caller.deployments.list({ ...window, team: "nobody" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("team"),
    });
    await expect(caller.deployments.list({ from: "2026-11-05", to: "2026-11-01" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.deployments.list({ ...window, limit: 1000 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("deployments.get", () => {
  test("shows the incident that names it, its changes with lead time, and what remediated it", async () => {
    const d1 = await caller.deployments.get({ id: "d1" });
    expect(d1.deployment).toMatchObject({ id: "d1", service: "api", changeFailure: true });
    expect(d1.causes).toEqual([
      { rule: "incident", incident: expect.objectContaining({ id: "i1", title: "Names d1", severity: "sev1" }), rollback: null, revertSha: null },
    ]);
    expect(d1.changes.map((c) => [c.sha, c.title, c.category, c.countedHere, c.leadTimeHours])).toEqual([
      ["c1aaaaaa", "feat: one", "feature", true, 2],
      ["c2aaaaaa", "fix: two", "bug", true, 5],
    ]);
  });

  test("a rolled-back deployment names its rollback, and the rollback names it", async () => {
    const d3 = await caller.deployments.get({ id: "d3" });
    expect(d3.causes).toEqual([{ rule: "rollback", incident: null, rollback: expect.objectContaining({ id: "d4", kind: "rollback" }), revertSha: null }]);
    const d4 = await caller.deployments.get({ id: "d4" });
    expect(d4.rollbackOf).toMatchObject({ id: "d3", service: "api" });
    expect(d4.causes).toEqual([]);
  });

  test("an incident naming a commit blames its first delivery; a redeploy's lead time is counted at that first one", async () => {
    const d2 = await caller.deployments.get({ id: "d2" });
    expect(d2.causes).toEqual([
      { rule: "commit", incident: expect.objectContaining({ id: "i2", causedByCommitSha: "c3aaaaaa" }), rollback: null, revertSha: null },
    ]);
    expect(d2.changes).toEqual([expect.objectContaining({ sha: "c3aaaaaa", countedHere: true, leadTimeHours: 4 })]);
    const d8 = await caller.deployments.get({ id: "d8" });
    expect(d8.causes).toEqual([]);
    expect(d8.changes).toEqual([expect.objectContaining({ sha: "c3aaaaaa", countedHere: false, firstDeploymentId: "d2", leadTimeHours: 4 })]);
  });

  test("the time-window rule and a hotfix's remediated incident", async () => {
    expect((await caller.deployments.get({ id: "d5" })).causes).toEqual([
      { rule: "timeWindow", incident: expect.objectContaining({ id: "i3" }), rollback: null, revertSha: null },
    ]);
    expect((await caller.deployments.get({ id: "d9" })).remediates).toMatchObject({ id: "i1" });
  });

  test("a failed attempt has no causes, and an unknown id is a 404", async () => {
    const d6 = await caller.deployments.get({ id: "d6" });
    expect(d6.deployment.changeFailure).toBeNull();
    expect(d6.causes).toEqual([]);
    await expect(caller.deployments.get({ id: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("incidents.list and incidents.get", () => {
  test("lists incidents open during the window, newest first, with the deployment each is attributed to and why", async () => {
    const list = await caller.incidents.list(window);
    expect(ids(list.items)).toEqual(["i6", "i5", "i4", "i3", "i2", "i1"]);
    const byId = new Map(list.items.map((i) => [i.id, i]));
    expect(byId.get("i1")?.attributedTo).toEqual([expect.objectContaining({ deploymentId: "d1", rule: "incident", service: "api" })]);
    expect(byId.get("i2")?.attributedTo).toEqual([expect.objectContaining({ deploymentId: "d2", rule: "commit" })]);
    expect(byId.get("i3")?.attributedTo).toEqual([expect.objectContaining({ deploymentId: "d5", rule: "timeWindow" })]);
    expect(byId.get("i6")?.attributedTo).toEqual([expect.objectContaining({ deploymentId: "d7", rule: "incident" })]);
    // No service and no cause; marked not caused by a change: attributed to nothing.
    expect(byId.get("i4")?.attributedTo).toEqual([]);
    expect(byId.get("i5")?.attributedTo).toEqual([]);
    expect(byId.get("i1")).toMatchObject({ recoveryHours: 2, severity: "sev1", team: "core" });
    expect(byId.get("i6")).toMatchObject({ resolvedAt: null, recoveryHours: null });
  });

  test.each([
    [{ state: "open" as const }, ["i6"]],
    [{ state: "resolved" as const, severity: "sev2" }, ["i3", "i2"]],
    [{ team: "front" }, ["i6", "i3"]],
    [{ service: "api", severity: "sev3" }, ["i5"]],
    // Another environment keeps the incidents attributed to its deployments: staging's s1 first
    // delivered c3 there, so i2 (naming c3) counts for staging too.
    [{ environment: "staging" }, ["i2"]],
    [{ environment: "nowhere" }, []],
  ])("filters %o", async (filters, expected) => {
    expectListed(await caller.incidents.list({ ...window, ...filters }), expected);
  });

  test("attribution follows the environment filter", async () => {
    const [i2] = (await caller.incidents.list({ ...window, environment: "staging" })).items;
    expect(i2?.attributedTo).toEqual([expect.objectContaining({ deploymentId: "s1", rule: "commit" })]);
    expect((await caller.incidents.get({ id: "i2", environment: "staging" })).incident.attributedTo).toEqual([expect.objectContaining({ deploymentId: "s1" })]);
  });

  test("an incident resolved before the window is not in it; one opened before and open across it is", async () => {
    expect(ids((await caller.incidents.list({ from: "2026-11-09", to: "2026-11-12" })).items)).toEqual(["i6"]);
  });

  test("one incident: its deployment and why, what it names, what remediated it", async () => {
    const i1 = await caller.incidents.get({ id: "i1" });
    expect(i1.incident.attributedTo).toEqual([expect.objectContaining({ deploymentId: "d1", rule: "incident" })]);
    expect(i1.namedDeployment).toMatchObject({ id: "d1" });
    expect(i1.remediatedBy).toEqual([expect.objectContaining({ id: "d9", kind: "hotfix" })]);
    const i3 = await caller.incidents.get({ id: "i3" });
    expect(i3.incident.attributedTo).toEqual([expect.objectContaining({ deploymentId: "d5", rule: "timeWindow" })]);
    expect(i3.namedDeployment).toBeNull();
    await expect(caller.incidents.get({ id: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("catalog.list", () => {
  test("teams with their services, services with their team, environments and severities", async () => {
    const catalog = await caller.catalog.list();
    expect(catalog.teams).toEqual([
      { slug: "core", name: "core", size: null, debtTarget: null, services: 1 },
      { slug: "front", name: "front", size: null, debtTarget: null, services: 1 },
    ]);
    expect(catalog.services).toEqual([
      { slug: "api", name: "api", team: "core" },
      { slug: "web", name: "web", team: "front" },
    ]);
    expect(catalog.environments).toEqual(["production", "staging"]);
    expect(catalog.severities).toEqual(["sev1", "sev2", "sev3"]);
    // The earliest record: i1's opening is after d1, whose commits are older but are not records of their own.
    expect(catalog.dataSince).toBe(T0);
  });
});

describe("CSV downloads", () => {
  test("a signed-in browser reads the REST export itself, the same file a read token gets", async () => {
    const { cookie } = await signInAs(app, "viewer");
    const path = `/api/v1/export/deployments.csv?${new URLSearchParams({ ...window, team: "front" })}`;
    const viaSession = await app.request(path, { token: null, headers: { cookie } });
    const viaToken = await app.request(path);
    expect(viaSession.status).toBe(200);
    expect(viaSession.headers.get("content-disposition")).toMatch(/^attachment; filename="deployments-.*\.csv"$/);
    const csv = await viaSession.text();
    expect(csv).toBe(await viaToken.text());
    expect(csv.trim().split("\n")).toHaveLength(1 + 3);
    const incidents = await app.request(`/api/v1/export/incidents.csv?${new URLSearchParams(window)}`, { token: null, headers: { cookie } });
    expect((await incidents.text()).split("\n")[0]).toContain("causedByDeploymentId");
  });
});
