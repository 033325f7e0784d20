// CSV exports (api.md GET /api/v1/export/{kind}.csv): the metric filters, RFC 4180 quoting, and
// no cell a spreadsheet would run as a formula. Window [2026-10-05, 2026-10-12) UTC.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestApp, type TestApp } from "../../support/httpApp.ts";
import { deploy, incident } from "../dora/support.ts";
import { attempt, send } from "./support.ts";

let app: TestApp;
const q = "from=2026-10-05&to=2026-10-12";

beforeAll(async () => {
  app = await startTestApp();
  await send(app, [
    deploy("=cmd|' /C calc'!A0", "exp-api", "2026-10-06T10:00:00Z", {
      team: "exp",
      commits: [{ sha: "expsha01", committedAt: "2026-10-06T09:00:00Z", message: '-fix: quote "this", and that\nsecond line', labels: ["bug", "@team"] }],
    }),
    { type: "deployment", id: "exp-d2", service: "exp-api", team: "exp", status: "failure", finishedAt: "2026-10-07T10:00:00Z" },
    { type: "deployment", id: "exp-d3", service: "exp-api", team: "exp", environment: "staging", status: "success", finishedAt: "2026-10-07T11:00:00Z" },
    { type: "deployment", id: "other-d1", service: "other-api", team: "other", status: "success", finishedAt: "2026-10-07T12:00:00Z" },
    { type: "deployment", id: "exp-old", service: "exp-api", team: "exp", status: "success", finishedAt: "2026-09-01T10:00:00Z" },
    incident("exp-i1", "exp-api", "2026-10-06T11:00:00Z", {
      title: '+SUM(1,2) broke, "badly"\nsecond line',
      resolvedAt: "2026-10-06T12:30:00Z",
      causedByDeploymentId: "=cmd|' /C calc'!A0",
      responders: 3,
    }),
  ]);
  await attempt(
    app,
    { id: "exp-b1", service: "exp-api", sha: "expsha01", attempt: 1, status: "failure", startedAt: "2026-10-06T08:00:00Z", finishedAt: "2026-10-06T08:10:00Z" },
    ["=a", "b", "c"],
    ["=a"],
  );
  await attempt(
    app,
    { id: "exp-b2", service: "exp-api", sha: "expsha01", attempt: 2, status: "success", startedAt: "2026-10-06T08:15:00Z", finishedAt: "2026-10-06T08:25:00Z" },
    ["=a", "b", "c"],
  );
});
afterAll(() => app.close());

async function csv(path: string): Promise<{ status: number; type: string | null; disposition: string | null; lines: string[]; text: string }> {
  const res = await app.request(path);
  const text = await res.text();
  return { status: res.status, type: res.headers.get("content-type"), disposition: res.headers.get("content-disposition"), text, lines: text.split("\r\n") };
}

describe("CSV exports", () => {
  test("deployments: the environment and window filters, change failures, formula cells neutralised", async () => {
    const r = await csv(`/api/v1/export/deployments.csv?${q}&team=exp`);
    expect(r.status).toBe(200);
    expect(r.type).toMatch(/^text\/csv/);
    expect(r.disposition).toBe('attachment; filename="deployments-2026-10-05-2026-10-12.csv"');
    expect(r.lines[0]).toBe(
      "id,service,team,environment,status,kind,startedAt,finishedAt,commitSha,repository,rollbackOfDeploymentId,remediatesIncidentId,changes,changeFailure,url",
    );
    // Production only (not exp-d3), in the window (not exp-old), the team's (not other-d1), any status.
    expect(r.lines.slice(1, -1).map((l) => l.split(",")[4])).toEqual(["success", "failure"]);
    // The id starts with "=": prefixed with an apostrophe (no comma, quote or newline: not quoted).
    expect(r.lines[1]).toBe("'=cmd|' /C calc'!A0,exp-api,exp,production,success,normal,,2026-10-06T10:00:00.000Z,expsha01,,,,1,true,");
    expect(r.lines[2]).toMatch(/^exp-d2,.*,0,false,$/);
    expect(r.text.endsWith("\r\n")).toBe(true);
  });

  test("incidents and changes: RFC 4180 quoting of commas, quotes and newlines", async () => {
    const inc = await csv(`/api/v1/export/incidents.csv?${q}`);
    expect(inc.lines[0]).toBe(
      "id,service,severity,title,openedAt,resolvedAt,recoveryHours,responders,respondersFromCostModel,causedByDeploymentId,causedByCommitSha,notCausedByChange,changeFailure,hoursLostIfResolvedInWindow,costUsd,costModelVersion",
    );
    // 1.5 h × 3 responders = 4.5 h, $450.
    // The title holds a comma, quotes and a newline: quoted, quotes doubled, the record spans two lines.
    expect(inc.text).toContain(
      `\r\nexp-i1,exp-api,,"'+SUM(1,2) broke, ""badly""\nsecond line",2026-10-06T11:00:00.000Z,2026-10-06T12:30:00.000Z,1.5,3,false,'=cmd|' /C calc'!A0,,false,true,4.5,450,org v0 (defaults)`,
    );

    const changes = await csv(`/api/v1/export/changes.csv?${q}&service=exp-api`);
    expect(changes.lines[0]).toBe("sha,repository,service,team,committedAt,authoredAt,prNumber,prOpenedAt,prMergedAt,category,categorySource,labels,title");
    // The title (the message's first line) holds quotes and a comma; it starts with "-".
    expect(changes.lines[1]).toBe(`expsha01,,exp-api,exp,2026-10-06T09:00:00.000Z,,,,,bug,label,bug;@team,"'-fix: quote ""this"", and that"`);
  });

  test("a change sent with no labels exports an empty labels cell", async () => {
    await send(app, [{ type: "change", sha: "expsha02", service: "exp-bare", committedAt: "2026-10-08T09:00:00Z" }]);
    const changes = await csv(`/api/v1/export/changes.csv?${q}&service=exp-bare`);
    expect(changes.lines[1]).toBe("expsha02,,exp-bare,,2026-10-08T09:00:00.000Z,,,,,other,none,,");
  });

  test("flaky tests, and unknown exports or filters", async () => {
    const flaky = await csv(`/api/v1/export/flaky-tests.csv?${q}`);
    expect(flaky.lines[0]?.startsWith("id,service,repository,suite,name,variant,state,flakyFailures,blockingFailures,hoursLost,costUsd")).toBe(true);
    expect(flaky.lines[1]).toMatch(/^\d+,exp-api,,cost\.Suite,'=a,,flaky,1,1,0\.466666\d*,46\.75,/);
    expect((await app.request(`/api/v1/export/builds.csv?${q}`)).status).toBe(404);
    expect((await app.request(`/api/v1/export/deployments.json?${q}`)).status).toBe(404);
    const bad = await app.request("/api/v1/export/deployments.csv?from=2026-10-12&to=2026-10-05");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.details[0].path).toBe("to");
  });
});
