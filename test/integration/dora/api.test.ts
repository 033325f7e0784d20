// GET /api/v1/metrics/dora as a contract (api.md "Reading"): the shape, validation, the read
// scope, the team filter, the previous-period comparison, levels by report year, and tRPC
// `dora.summary` answering the same.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createToken } from "../../../server/src/services/tokens.ts";
import { startTestApp, type TestApp, adminCaller } from "../../support/httpApp.ts";
import { clearSetting, deploy, dora, incident, send, setSetting } from "./support.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await send(app, [
    // Team "pay": pay-api and pay-web. Team "ship": ship-api.
    deploy("ap-1", "pay-api", "2026-11-16T10:00:00Z", { team: "pay", commits: [{ sha: "apsha001", committedAt: "2026-11-16T08:00:00Z" }] }),
    deploy("ap-2", "pay-web", "2026-11-17T10:00:00Z", { team: "pay", commits: [{ sha: "apsha002", committedAt: "2026-11-17T06:00:00Z" }] }),
    deploy("ap-3", "pay-api", "2026-11-24T10:00:00Z", { team: "pay" }),
    deploy("ap-4", "pay-api", "2026-11-24T12:00:00Z", { team: "pay", kind: "rollback", rollbackOfDeploymentId: "ap-3" }),
    deploy("ap-5", "ship-api", "2026-11-18T10:00:00Z", { team: "ship" }),
    incident("ap-i1", "ship-api", "2026-11-18T11:00:00Z", { resolvedAt: "2026-11-18T11:30:00Z" }),
    // Previous period [Nov 2, Nov 16) for pay: two deployments, one failed by an incident.
    deploy("ap-p1", "pay-api", "2026-11-03T10:00:00Z", { team: "pay" }),
    deploy("ap-p2", "pay-web", "2026-11-10T10:00:00Z", { team: "pay" }),
    incident("ap-pi1", "pay-web", "2026-11-10T12:00:00Z", { resolvedAt: "2026-11-10T14:00:00Z" }),
  ]);
});
afterAll(() => app.close());

const window = { from: "2026-11-16", to: "2026-11-30" };

describe("GET /api/v1/metrics/dora", () => {
  test("answers with api.md's shape", async () => {
    const m = await dora(app, window);
    expect(Object.keys(m)).toEqual(expect.arrayContaining(["window", "filters", "thresholdsYear", "summary", "series", "dataQuality"]));
    expect(m.thresholdsYear).toBe(2023);
    expect(m.window).toEqual({ from: "2026-11-16T00:00:00.000Z", to: "2026-11-30T00:00:00.000Z" });
    expect(m.filters).toEqual({ team: null, service: null, environment: "production" });
    const s = m.summary;
    expect(Object.keys(s).sort()).toEqual(["changeFailureRate", "deploymentFrequency", "leadTime", "recoveryTime", "reworkRate"]);
    expect(s.deploymentFrequency).toEqual(expect.objectContaining({ deployments: 5, perDay: 5 / 14, deployDaysPerWeekMedian: 2, level: "high" }));
    // Days per week: Nov 16 week Mon, Tue, Wed (3); Nov 23 week Tue (1) → median 2. 5/14 per day ≥ 1/7: high.
    expect(s.leadTime).toEqual(expect.objectContaining({ changes: 2, medianHours: 3, level: "elite", excludedNegative: 0 }));
    expect(s.leadTime.p90Hours).toBeCloseTo(3.8, 10); // [2, 4]: 2 + 0.9·2
    expect(s.changeFailureRate).toEqual(expect.objectContaining({ deployments: 5, failed: 2, rate: 0.4, level: "low" }));
    expect(s.recoveryTime).toEqual(expect.objectContaining({ incidents: 1, medianHours: 0.5, p90Hours: 0.5, level: "elite", open: 0 }));
    expect(s.reworkRate).toEqual(expect.objectContaining({ deployments: 5, rework: 1, rate: 0.2 }));
    for (const bucket of m.series) {
      expect(Object.keys(bucket)).toEqual(
        expect.arrayContaining(["bucketStart", "deployments", "leadTimeMedianHours", "changeFailureRate", "recoveryMedianHours", "reworkRate"]),
      );
    }
    expect(m.series.map((b) => b.bucketStart)).toEqual(["2026-11-16", "2026-11-23"]);
  });

  test("a team filter narrows every metric to the team's services", async () => {
    const m = await dora(app, { ...window, team: "pay" });
    // pay: ap-1, ap-2, ap-3, ap-4 (ship-api's ap-5 and its incident are out).
    expect(m.summary.deploymentFrequency.deployments).toBe(4);
    expect(m.summary.changeFailureRate).toMatchObject({ deployments: 4, failed: 1 }); // ap-3, rolled back
    expect(m.summary.recoveryTime).toMatchObject({ incidents: 0, medianHours: null, level: null });
    expect(m.summary.leadTime).toMatchObject({ changes: 2, medianHours: 3 }); // 2 h and 4 h
    // Team and service together: the service, if it is the team's.
    expect((await dora(app, { ...window, team: "pay", service: "pay-web" })).summary.deploymentFrequency.deployments).toBe(1);
    expect((await dora(app, { ...window, team: "ship", service: "pay-web" })).summary.deploymentFrequency.deployments).toBe(0);
  });

  test("every summary figure has the previous period's value and the change", async () => {
    const m = await dora(app, { ...window, team: "pay" });
    // Previous [Nov 2, Nov 16): ap-p1, ap-p2; ap-p2 failed (ap-pi1 two hours later); ap-pi1 resolved in 2 h.
    const { deploymentFrequency: f, changeFailureRate: c, recoveryTime: r, reworkRate: w, leadTime: l } = m.summary;
    expect(f.previous).toMatchObject({ deployments: 2, perDay: 2 / 14, level: "high" });
    expect(f.change).toMatchObject({ deployments: 2, perDay: 4 / 14 - 2 / 14 });
    expect(c.previous).toMatchObject({ deployments: 2, failed: 1, rate: 0.5 });
    expect(c.change).toEqual({ deployments: 2, failed: 0, rate: 0.25 - 0.5 });
    expect(r.previous).toMatchObject({ incidents: 1, medianHours: 2 });
    expect(r.change).toMatchObject({ incidents: -1, medianHours: null }); // no incidents now: no median to compare
    expect(w.previous).toMatchObject({ deployments: 2, rework: 0, rate: 0 });
    expect(l.previous).toMatchObject({ changes: 0, medianHours: null, level: null });
    expect(m.previousWindow).toEqual({ from: "2026-11-02T00:00:00.000Z", to: "2026-11-16T00:00:00.000Z" });
  });

  test("levels follow the report year chosen in settings", async () => {
    // 12 deployments, 2 failed (yr-0 named by an incident, yr-10 rolled back): 2/12 ≈ 16.7%,
    // low in 2023 (more than 15%) and high in 2024 (20% or less).
    await send(app, [
      ...Array.from({ length: 10 }, (_, i) => deploy(`yr-${i}`, "years", `2026-11-${String(16 + i).padStart(2, "0")}T09:00:00Z`)),
      deploy("yr-10", "years", "2026-11-27T09:00:00Z"),
      deploy("yr-11", "years", "2026-11-28T09:00:00Z", { kind: "rollback", rollbackOfDeploymentId: "yr-10" }),
      incident("yr-i1", "years", "2026-11-16T10:00:00Z", { causedByDeploymentId: "yr-0", resolvedAt: "2026-11-16T10:30:00Z" }),
    ]);
    const y2023 = await dora(app, { ...window, service: "years" });
    expect(y2023.summary.changeFailureRate).toMatchObject({ deployments: 12, failed: 2, rate: 2 / 12, level: "low" });
    await setSetting(app, "thresholdsYear", 2024);
    try {
      const y2024 = await dora(app, { ...window, service: "years" });
      expect(y2024.thresholdsYear).toBe(2024);
      expect(y2024.summary.changeFailureRate.level).toBe("high");
    } finally {
      await clearSetting(app, "thresholdsYear");
    }
  });

  test.each([
    ["bucket=month", { ...window, bucket: "month" }, "bucket"],
    ["no from", { to: window.to }, "from"],
    ["to before from", { from: window.to, to: window.from }, "to"],
    ["not a date", { from: "last week", to: window.to }, "from"],
    ["an unknown team", { ...window, team: "nobody" }, "team"],
    ["an unknown service", { ...window, service: "nothing" }, "service"],
  ])("%s is a 400 naming the field", async (_name, params, field) => {
    const res = await app.request(`/api/v1/metrics/dora?${new URLSearchParams(params as Record<string, string>)}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; details: { path: string }[] } };
    expect(body.error.code).toBe("VALIDATION_FAILED");
    expect(body.error.details.map((d) => d.path)).toContain(field);
  });

  test("needs the read scope: read and admin tokens pass, an ingest token does not", async () => {
    const read = await createToken({ db: app.database.prisma, input: { name: "reader", scope: "read" } });
    const ingest = await createToken({ db: app.database.prisma, input: { name: "ci", scope: "ingest" } });
    const path = `/api/v1/metrics/dora?${new URLSearchParams(window)}`;
    expect((await app.request(path, { token: read.token })).status).toBe(200);
    expect((await app.request(path, { token: ingest.token })).status).toBe(403);
    expect((await app.request(path, { token: null })).status).toBe(401);
    // The read token cannot ingest; an unknown metrics path is a 404, not a scope error.
    expect((await app.request("/api/v1/deployments", { json: deploy("x", "x", "2026-11-16T00:00:00Z"), token: read.token })).status).toBe(403);
    expect((await app.request("/api/v1/metrics/nothing-here", { token: read.token })).status).toBe(404);
  });

  test("tRPC dora.summary answers the same as the REST endpoint", async () => {
    const caller = adminCaller(app);
    const viaTrpc = await caller.dora.summary({ ...window, team: "pay" });
    expect(JSON.parse(JSON.stringify(viaTrpc))).toEqual(await dora(app, { ...window, team: "pay" }));
    await expect(caller.dora.summary({ ...window, team: "nobody" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
