// Hours lost and their cost through GET /api/v1/metrics/hours-lost (product.md "Cost model"), with
// every expected figure worked out by hand. Team alpha (5 engineers) owns alpha-api; team beta has
// no size. Window: the week [Mon 2026-10-05, Mon 2026-10-12) UTC.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestApp, type TestApp } from "../../support/httpApp.ts";
import { deploy } from "../dora/support.ts";
import { attempt, caller, CONTEXT_SWITCH_H, hoursLost, send, updateCostModel } from "./support.ts";

let app: TestApp;
const week = { from: "2026-10-05", to: "2026-10-12" };

beforeAll(async () => {
  app = await startTestApp();
  await send(app, [
    { type: "deployment", id: "a-d1", service: "alpha-api", team: "alpha", status: "success", finishedAt: "2026-10-05T09:00:00Z" },
    { type: "deployment", id: "a-d2", service: "alpha-api", team: "alpha", status: "success", finishedAt: "2026-10-06T18:00:00Z" },
    // A failed rollback attempt is not a rework deployment (only successful ones count).
    { type: "deployment", id: "a-d2r", service: "alpha-api", team: "alpha", status: "failure", kind: "rollback", finishedAt: "2026-10-08T09:30:00Z" },
    {
      type: "deployment",
      id: "a-d3",
      service: "alpha-api",
      team: "alpha",
      status: "success",
      kind: "hotfix",
      remediatesIncidentId: "a-i2",
      finishedAt: "2026-10-08T10:00:00Z",
    },
    // Names its deployment, 3 responders, 3 hours: 3 × 3 = 9 h.
    {
      type: "incident",
      id: "a-i1",
      service: "alpha-api",
      openedAt: "2026-10-05T10:00:00Z",
      resolvedAt: "2026-10-05T13:00:00Z",
      causedByDeploymentId: "a-d1",
      responders: 3,
    },
    // No cause: attributed by time to a-d2 (opened 2 h after it, before a-d3). 30 hours over three
    // calendar days, each responder capped at 8 h a day: Oct 6 20:00-24:00 = 4 h, Oct 7 = 24 → 8 h,
    // Oct 8 00:00-02:00 = 2 h: 14 h per responder × 2 (the default) = 28 h (uncapped: 60 h).
    { type: "incident", id: "a-i2", service: "alpha-api", openedAt: "2026-10-06T20:00:00Z", resolvedAt: "2026-10-08T02:00:00Z" },
    // Not a change failure.
    {
      type: "incident",
      id: "a-i3",
      service: "alpha-api",
      openedAt: "2026-10-07T10:00:00Z",
      resolvedAt: "2026-10-07T12:00:00Z",
      notCausedByChange: true,
      responders: 4,
    },
    // Still open: no recovery time yet, not counted.
    { type: "incident", id: "a-i4", service: "alpha-api", openedAt: "2026-10-09T10:00:00Z", causedByDeploymentId: "a-d3" },
    // Resolved the next week: counted there, not here.
    { type: "incident", id: "a-i5", service: "alpha-api", openedAt: "2026-10-11T22:00:00Z", resolvedAt: "2026-10-12T02:00:00Z", causedByDeploymentId: "a-d3" },
    // Team beta: one rollback, no size.
    { type: "deployment", id: "b-d1", service: "beta-api", team: "beta", status: "success", finishedAt: "2026-10-06T10:00:00Z" },
    deploy("b-d2", "beta-api", "2026-10-06T11:00:00Z", { team: "beta", kind: "rollback", rollbackOfDeploymentId: "b-d1" }),
  ]);
  // One blocking flaky failure on alpha-api: rerun of 12 min. hours = 23/60 + 0.5 × 12/60 = 0.483333.
  const tests = ["a", "b", "c"];
  await attempt(
    app,
    { id: "a-b1", service: "alpha-api", sha: "alpha1", attempt: 1, status: "failure", startedAt: "2026-10-07T10:00:00Z", finishedAt: "2026-10-07T10:10:00Z" },
    tests,
    ["a"],
  );
  await attempt(
    app,
    { id: "a-b2", service: "alpha-api", sha: "alpha1", attempt: 2, status: "success", startedAt: "2026-10-07T10:15:00Z", finishedAt: "2026-10-07T10:27:00Z" },
    tests,
  );
  await updateCostModel(app, { team: "alpha", teamSize: 5, note: "five engineers" });
});
afterAll(() => app.close());

const FLAKY_H = CONTEXT_SWITCH_H + 0.5 * (12 / 60); // 0.483333
const CHANGE_FAILURE_H = 9 + 28;
const REWORK_H = 1 * 2; // a-d3 (hotfix)

describe("hours lost", () => {
  test("by cause, with cost, capacity share and sprints lost, for a team", async () => {
    const r = await hoursLost(app, { ...week, team: "alpha", bucket: "week" });
    const s = r.summary;
    expect(s.flakyTests).toBeCloseTo(FLAKY_H, 10);
    expect(s.changeFailures).toBeCloseTo(CHANGE_FAILURE_H, 10);
    expect(s.rework).toBe(REWORK_H);
    // total = 0.483333 + 37 + 2 = 39.483333
    expect(s.total).toBeCloseTo(FLAKY_H + CHANGE_FAILURE_H + REWORK_H, 10);
    expect(s.counts).toMatchObject({ blockingFailures: 1, incidents: 2, incidentsWithDefaultResponders: 1, reworkDeployments: 1 });
    expect(s.counts.recoveryHours).toBeCloseTo(3 + 30, 10);
    // cost: flaky 48.3333 + 12 min × 0.008 = 48.43; change failures 3,700.00; rework 200.00; total 3,948.43
    expect(s.costByCause).toEqual({ flakyTests: 48.43, changeFailures: 3700, rework: 200 });
    expect(s.costUsd).toBe(3948.43);
    // capacity share = 39.483333 ÷ (5 × 40 × 1 week) = 0.197417
    expect(s.capacityShare).toBeCloseTo(39.4833333333 / 200, 8);
    // sprints lost per month = (39.483333 ÷ 1 week × 52/12) ÷ (5 × 40 × 2) = 171.094444 ÷ 400 = 0.427736
    expect(s.sprintsLostPerMonth).toBeCloseTo((39.4833333333 * 52) / 12 / 400, 8);
    expect(s.capacityBasis).toMatchObject({ engineers: 5, teamsCounted: ["alpha"], teamsWithoutSize: [] });
    expect(r.series).toEqual([expect.objectContaining({ bucketStart: "2026-10-05", costUsd: 3948.43 })]);
    expect(r.costModel).toMatchObject({ version: 0, label: "org v0 (defaults)" });
  });

  test("the next week counts the incident resolved then", async () => {
    const s = (await hoursLost(app, { from: "2026-10-12", to: "2026-10-19", team: "alpha" })).summary;
    // a-i5: Oct 11 22:00-24:00 = 2 h, Oct 12 00:00-02:00 = 2 h → 4 h × 2 responders = 8 h.
    expect(s.changeFailures).toBeCloseTo(8, 10);
    expect(s.previous.changeFailures).toBeCloseTo(CHANGE_FAILURE_H, 10);
  });

  test("a team with no size: capacity share unknown (null), not zero; org-wide counts only the sized teams' hours", async () => {
    const beta = (await hoursLost(app, { ...week, team: "beta" })).summary;
    // One rollback: 2 h, $200. (b-d1 was rolled back: a change failure with no incident, so no incident hours.)
    expect(beta).toMatchObject({ rework: 2, total: 2, costUsd: 200, capacityShare: null, sprintsLostPerMonth: null });
    expect(beta.capacityBasis).toMatchObject({ engineers: null, teamsWithoutSize: ["beta"] });

    const org = await hoursLost(app, week);
    // total = 39.483333 + 2; the share counts alpha's 39.483333 h over alpha's 5 × 40 h.
    expect(org.summary.total).toBeCloseTo(41.4833333333, 8);
    expect(org.summary.capacityShare).toBeCloseTo(39.4833333333 / 200, 8);
    expect(org.summary.capacityBasis).toMatchObject({ engineers: 5, teamsCounted: ["alpha"], teamsWithoutSize: ["beta"] });
    expect(org.summary.capacityBasis.hoursNotCounted).toBeCloseTo(2, 10);
    expect(org.byTeam.map((t) => [t.team, t.summary.capacityShare === null])).toEqual([
      ["alpha", false],
      ["beta", true],
    ]);
  });

  test("a cost model edit changes the money, not the counts; each edit is a version, and figures name it", async () => {
    const before = (await hoursLost(app, { ...week, team: "alpha" })).summary;
    await updateCostModel(app, { inputs: { loadedHourlyRateUsd: 150 }, note: "2027 budget" });
    const after = await hoursLost(app, { ...week, team: "alpha" });
    expect(after.summary.counts).toEqual(before.counts);
    expect(after.summary.total).toBeCloseTo(before.total, 10);
    // flaky 0.483333 × 150 + 0.096 = 72.596 → 72.60; change failures 37 × 150 = 5,550; rework 2 × 150 = 300
    expect(after.summary.costByCause).toEqual({ flakyTests: 72.6, changeFailures: 5550, rework: 300 });
    expect(after.summary.costUsd).toBe(5922.6);
    expect(after.costModel).toMatchObject({ version: 1, teamVersions: [], label: "org v1" });

    // A team override: context switch 30 min for alpha only. Flaky hours = 0.5 + 0.1 = 0.6.
    await updateCostModel(app, { team: "alpha", inputs: { contextSwitchMinutes: 30 } });
    const alpha = await hoursLost(app, { ...week, team: "alpha" });
    expect(alpha.summary.flakyTests).toBeCloseTo(0.6, 10);
    expect(alpha.costModel).toMatchObject({ version: 1, label: "org v1 + alpha v2", inputs: { contextSwitchMinutes: 30, loadedHourlyRateUsd: 150 } });
    const beta = await hoursLost(app, { ...week, team: "beta" });
    expect(beta.costModel.inputs.contextSwitchMinutes).toBe(23);

    // Removing the override (null) is another version; the team follows the organisation again.
    await updateCostModel(app, { team: "alpha", inputs: { contextSwitchMinutes: null } });
    expect((await hoursLost(app, { ...week, team: "alpha" })).summary.flakyTests).toBeCloseTo(FLAKY_H, 10);
    const history = await caller(app).costModel.history({ team: "alpha" });
    expect(history.map((v) => v.version)).toEqual([3, 2, 1]);
    const org = await caller(app).costModel.history({});
    expect(org).toEqual([
      expect.objectContaining({ version: 1, note: "2027 budget", inputs: expect.objectContaining({ loadedHourlyRateUsd: 150, hoursPerWeek: 40 }) }),
    ]);
    // Back to the defaults for the other tests.
    await updateCostModel(app, { inputs: { loadedHourlyRateUsd: 100 } });
  });

  test("invalid edits and filters are refused with the failing field named", async () => {
    await expect(updateCostModel(app, { inputs: { waitFactor: 2 } })).rejects.toThrow(/waitFactor/);
    await expect(updateCostModel(app, { inputs: { loadedHourlyRateUsd: null } })).rejects.toThrow(/cannot be removed/);
    await expect(updateCostModel(app, { team: "nobody", inputs: { waitFactor: 0.2 } })).rejects.toThrow(/Invalid request: team/);
    const res = await app.request("/api/v1/metrics/hours-lost?from=2026-10-05&team=nobody");
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.details.map((d: { path: string }) => d.path)).toEqual(["to"]);
    const unknownTeam = await app.request("/api/v1/metrics/hours-lost?from=2026-10-05&to=2026-10-12&team=nobody");
    expect(unknownTeam.status).toBe(400);
    expect((await unknownTeam.json()).error.details).toEqual([{ path: "team", message: 'no team with slug "nobody"' }]);
    const noToken = await app.request("/api/v1/metrics/hours-lost?from=2026-10-05&to=2026-10-12", { token: null });
    expect(noToken.status).toBe(401);
  });
});
