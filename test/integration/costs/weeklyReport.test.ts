// The weekly health report through GET /api/v1/reports/weekly (JSON, Markdown, HTML) and the CLI:
// its figures are the API's for the same week, to the cent, and every text is escaped.
// Team gamma owns gamma-api. The week is 2026-W41: [Mon 2026-10-05, Mon 2026-10-12) UTC.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ReportBlock } from "@keel/shared/reportBlocks";
import { renderHtml } from "../../../server/src/reports/renderHtml.ts";
import { renderMarkdown } from "../../../server/src/reports/renderMarkdown.ts";
import type { WeeklyReport } from "../../../server/src/services/getWeeklyReport.ts";
import { runKeel } from "../../support/keelCli.ts";
import { startTestApp, TEST_ADMIN_TOKEN, type TestApp } from "../../support/httpApp.ts";
import { deploy, type DoraMetrics } from "../dora/support.ts";
import { attempt, flakyTests, getJson, hoursLost, send, updateCostModel } from "./support.ts";

let app: TestApp;
const EVIL = `<script>alert("x")</script> | **bold** [link](http://evil) & =cmd`;

beforeAll(async () => {
  app = await startTestApp();
  await send(app, [
    // The week before: one clean deployment.
    deploy("g-d0", "gamma-api", "2026-09-30T10:00:00Z", {
      team: "gamma",
      commits: [{ sha: "gggg0000", committedAt: "2026-09-30T08:00:00Z", category: "feature" }],
    }),
    // The week: two deployments, the first causes an incident (2 h × 2 default responders = 4 h).
    {
      type: "deployment",
      id: "g-d1",
      service: "gamma-api",
      team: "gamma",
      status: "success",
      finishedAt: "2026-10-06T10:00:00Z",
      commits: [{ sha: "gggg1111", committedAt: "2026-10-06T08:00:00Z", category: "debt" }],
    },
    {
      type: "deployment",
      id: "g-d2",
      service: "gamma-api",
      team: "gamma",
      status: "success",
      finishedAt: "2026-10-08T10:00:00Z",
      commits: [
        { sha: "gggg2222", committedAt: "2026-10-08T08:00:00Z", category: "feature" },
        { sha: "gggg3333", committedAt: "2026-10-08T09:00:00Z" },
      ],
    },
    {
      type: "incident",
      id: "g-i1",
      service: "gamma-api",
      severity: "sev2",
      title: EVIL,
      openedAt: "2026-10-06T12:00:00Z",
      resolvedAt: "2026-10-06T14:00:00Z",
      causedByDeploymentId: "g-d1",
    },
  ]);
  const tests = ["safe", `<img src=x onerror=alert(1)>`, "third"];
  await attempt(
    app,
    { id: "g-b1", service: "gamma-api", sha: "gsha", attempt: 1, status: "failure", startedAt: "2026-10-07T10:00:00Z", finishedAt: "2026-10-07T10:10:00Z" },
    tests,
    [tests[1] as string],
  );
  await attempt(
    app,
    { id: "g-b2", service: "gamma-api", sha: "gsha", attempt: 2, status: "success", startedAt: "2026-10-07T10:15:00Z", finishedAt: "2026-10-07T10:25:00Z" },
    tests,
  );
  await updateCostModel(app, { team: "gamma", teamSize: 4 });
});
afterAll(() => app.close());

const report = (params: Record<string, string>) => getJson<WeeklyReport>(app, "/api/v1/reports/weekly", params);

describe("weekly report", () => {
  test("JSON: the week's DORA metrics, hours lost, flaky tests and incidents, equal to the API's to the cent", async () => {
    const r = await report({ week: "2026-W41", team: "gamma" });
    expect(r).toMatchObject({
      week: "2026-W41",
      previousWeek: "2026-W40",
      team: { slug: "gamma" },
      window: { from: "2026-10-05T00:00:00.000Z", to: "2026-10-12T00:00:00.000Z" },
    });
    const dora = await getJson<DoraMetrics>(app, "/api/v1/metrics/dora", { from: "2026-10-05", to: "2026-10-12", team: "gamma" });
    expect(r.dora.summary).toEqual(dora.summary);
    // Failed: g-d1 of 2 deployments; the week before, 0 of 1.
    expect(r.dora.summary.changeFailureRate).toMatchObject({ deployments: 2, failed: 1, rate: 0.5, change: { rate: 0.5 } });

    const hours = await hoursLost(app, { from: "2026-10-05", to: "2026-10-12", team: "gamma" });
    expect(r.hoursLost).toEqual(hours.summary);
    // flaky: 23/60 + 0.5 × 10/60 = 0.466667 h → $46.67 + 10 × 0.008 = $46.75; incident: 2 h × 2 = 4 h → $400
    expect(r.hoursLost.costByCause).toEqual({ flakyTests: 46.75, changeFailures: 400, rework: 0 });
    expect(r.hoursLost.costUsd).toBe(446.75);
    // capacity share = 4.466667 ÷ (4 × 40) = 0.027917
    expect(r.hoursLost.capacityShare).toBeCloseTo(4.4666666667 / 160, 8);

    const flaky = await flakyTests(app, { from: "2026-10-05", to: "2026-10-12", team: "gamma", limit: "5" });
    expect(r.topFlakyTests).toEqual(flaky.tests);
    expect(r.incidents).toEqual([
      expect.objectContaining({
        id: "g-i1",
        title: EVIL,
        responders: 2,
        respondersFromModel: true,
        changeFailure: true,
        counted: true,
        hoursLost: 4,
        costUsd: 400,
      }),
    ]);
    // The listed incidents add up to the change-failure hours.
    expect(r.incidents.reduce((s, i) => s + i.hoursLost, 0)).toBeCloseTo(r.hoursLost.changeFailures, 10);
    // Investment: 3 changes committed in the week (debt, feature, unclassified): debt 1/3 ≥ 20%.
    expect(r.investment.teams[0]?.total).toMatchObject({ changes: 3, counts: { debt: 1, feature: 1, other: 1 }, status: "above", target: 0.2 });
    expect(r.summaries.map((s) => s.id)).toEqual(["flakyTests", "failedChanges", "total", "investment"]);
    expect(r.summaries[0]?.text).toBe(
      "Flaky tests cost the gamma team 0.5 engineer-hours in 2026-W41 (about $47, 0.3% of its capacity, 0.01 sprints a month). Fixing the top flaky test (about 4.0 hours of work) pays back in 8.6 weeks.",
    );
    expect(r.summaries[0]?.howComputed.costModel).toBe("org v0 (defaults)");
  });

  test("which team slipped: the week against each team's own average over the 12 weeks before, with how it was computed", async () => {
    const r = await report({ week: "2026-W41" });
    expect(r.slipped).toMatchObject({ lastWeek: "2026-10-05", earlierWeeks: 12, slipped: { team: "gamma", weekBefore: 0, average: 0 } });
    expect(r.slipped.slipped?.hours).toBeCloseTo(r.hoursLost.total, 10);
    expect(r.slipped.slipped?.costUsd).toBe(r.hoursLost.costUsd);
    expect(r.slipped.sentence).toBe(
      "Last week (5–11 Oct 2026), gamma slipped: it lost 4.5 h ($446.75), against an average of 0.0 h a week over the 12 weeks before.",
    );
    expect(r.slipped.howComputed).toMatch(/^Each team's engineering hours lost in the week are compared with its own average over the 12 weeks before;/);
    // The week before, nothing was lost: nobody slipped.
    expect((await report({ week: "2026-W40" })).slipped).toMatchObject({ slipped: null, sentence: expect.stringMatching(/no team lost more hours/) });
    const md = await (await app.request("/api/v1/reports/weekly?week=2026-W41&format=md")).text();
    expect(md).toContain("## Which team slipped\n\nLast week (5–11 Oct 2026), gamma slipped:");
  });

  test("Markdown and HTML: chosen by Accept or ?format, everything escaped, the HTML self-contained", async () => {
    const md = await app.request("/api/v1/reports/weekly?week=2026-W41&team=gamma", { headers: { accept: "text/markdown" } });
    expect(md.status).toBe(200);
    expect(md.headers.get("content-type")).toMatch(/^text\/markdown/);
    const text = await md.text();
    expect(text).toMatch(/^# Weekly health report 2026-W41: gamma team\n/);
    for (const section of [
      "## Summary",
      "## DORA metrics",
      "## Engineering hours lost",
      "## Top 1 flaky tests by hours lost",
      "## Investment balance",
      "## Incidents",
      "## Cost model",
    ]) {
      expect(text).toContain(section);
    }
    expect(text).not.toContain("<script>");
    expect(text).not.toContain("<img");
    expect(text).toContain("&lt;script&gt;");
    expect(text).toContain("\\*\\*bold\\*\\* \\[link\\]");
    expect(text).toContain("\\| ");
    expect(text).toContain("| **Total** |  | **4.47 h** | **$446.75** | **0.00 h** |");

    const html = await (await app.request("/api/v1/reports/weekly?week=2026-W41&team=gamma&format=html")).text();
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    // No raw tag from the data, and nothing loaded from elsewhere.
    expect(html).not.toMatch(/<(script|img|link|iframe)|(src|href)\s*=\s*["']|@import|url\(/i);
    expect(html).toContain("@media print");

    const viaAccept = await app.request("/api/v1/reports/weekly?week=2026-W41&team=gamma", { headers: { accept: "text/html" } });
    expect(viaAccept.headers.get("content-type")).toMatch(/^text\/html/);
    const json = await app.request("/api/v1/reports/weekly?week=2026-W41&team=gamma", { headers: { accept: "*/*" } });
    expect(json.headers.get("content-type")).toMatch(/^application\/json/);
    // The app renders the JSON's document: the same blocks as the Markdown and the HTML.
    const { document } = (await json.json()) as { document: ReportBlock[] };
    expect(renderMarkdown(document)).toBe(text);
    expect(renderHtml(document)).toBe(html);
  });

  test("an invalid week or an unknown team is a 400 naming the field", async () => {
    for (const [query, path] of [
      ["week=2026-47", "week"],
      ["week=2026-W54", "week"],
      ["week=2026-W53", "week"], // 2026 has 53 weeks
      ["week=2025-W53", "week"], // 2025 has 52
      ["week=2026-W41&team=nobody", "team"],
      ["team=gamma", "week"],
    ] as const) {
      const res = await app.request(`/api/v1/reports/weekly?${query}`);
      if (query === "week=2026-W53") {
        expect(res.status).toBe(200);
        continue;
      }
      expect(res.status, query).toBe(400);
      expect((await res.json()).error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
  });

  test("keel report prints the same report in Markdown or HTML, and refuses a bad week", async () => {
    const env = { KEEL_URL: app.url, KEEL_TOKEN: TEST_ADMIN_TOKEN };
    const md = await runKeel(["report", "--week", "2026-W41", "--team", "gamma"], { env });
    expect(md.code, md.stderr).toBe(0);
    const api = await (await app.request("/api/v1/reports/weekly?week=2026-W41&team=gamma&format=md")).text();
    expect(`${md.stdout.trimEnd()}\n`).toBe(api);
    const html = await runKeel(["report", "--week", "2026-W41", "--format", "html"], { env });
    expect(html.code, html.stderr).toBe(0);
    expect(html.stdout).toMatch(/^<!doctype html>/);
    const bad = await runKeel(["report", "--week", "2026-41"], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("ISO week");
    const unknown = await runKeel(["report", "--week", "2026-W41", "--team", "nobody"], { env });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no team with slug "nobody"');
  });
});
