// The cost views' fast paths (rollups kept at upload: FlakyTestState, BrokenPair, Build.outage,
// FlakyFailure's copy of its build's time and service, and of its blocking flag and rerun span)
// against the straightforward computation they replaced (referenceQueries.ts: every execution read
// per request), on random CI data sent through the API in random order: flaky, fixed and broken
// tests, in-report retries, reruns, outages, a second report per build, replaced reports, build
// events that move a build's time or change its status after its reports, and reruns that arrive
// after the failures they rerun. Windows end before the data ends (a state computed from
// executions) and after it (the state rollup), org-wide, for a team and for a service. States,
// broken tests, outages, cost rows (hours) and the ranking must be identical.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Db } from "../../../server/src/db/client.ts";
import { flakyCostRows, flakyCostRowsBefore, type FlakyCostRow } from "../../../server/src/db/queries/costs/flakyCosts.ts";
import { flakyTestStates, type FlakyTestStateRow } from "../../../server/src/db/queries/costs/flakyTestStates.ts";
import { brokenTests, infrastructureOutages } from "../../../server/src/db/queries/costs/testOutages.ts";
import { inputsFor } from "../../../server/src/metrics/costModel.ts";
import { costPerTest, flakyState, rankTests } from "../../../server/src/metrics/flakyTests.ts";
import { assignServiceTeam } from "../../../server/src/services/assignServiceTeam.ts";
import { prepareCostContext } from "../../../server/src/services/costs/costContext.ts";
import { createTeam } from "../../../server/src/services/createTeam.ts";
import { startTestApp, type TestApp } from "../../support/httpApp.ts";
import { referenceBrokenSql, referenceCostRowsBefore, referenceCostRowsSql, referenceOutagesSql, referenceStatesSql } from "./referenceQueries.ts";
import { build, send, upload, type BuildSpec, type CaseSpec } from "./support.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

/** mulberry32: a small seeded generator, so a failure reproduces. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const START = Date.parse("2026-09-01T00:00:00Z");
const HOUR = 3_600_000;
const SERVICES = ["fp-a", "fp-b", "fp-c"]; // fp-c has no team
const TESTS = ["t1", "t2", "t3", "t4", "t5"];

interface Attempt {
  spec: BuildSpec;
  cases: CaseSpec[];
}

/** ~40 shas per service over 60 days, attempts until green (at most 3), per-test behaviours. */
function dataset(rnd: () => number): Attempt[] {
  const attempts: Attempt[] = [];
  for (const service of SERVICES) {
    // Per test: flaky rate, the sha its flakiness stops at (fixed), a broken stretch.
    const kinds = TESTS.map(() => ({
      flaky: rnd() < 0.6 ? 0.15 + 0.3 * rnd() : 0,
      fixAt: rnd() < 0.5 ? Math.floor(rnd() * 30) : 99,
      brokenFrom: rnd() < 0.4 ? Math.floor(rnd() * 40) : 99,
    }));
    for (let k = 0; k < 40; k++) {
      const sha = `${service}-sha${k}`;
      let at = START + k * 36 * HOUR + Math.floor(rnd() * 10) * HOUR;
      for (let a = 1; a <= 3; a++) {
        const outage = rnd() < 0.06;
        const cases: CaseSpec[] = TESTS.map((name, i) => {
          const kind = kinds[i]!;
          if (i === 4 && rnd() < 0.3) return { classname: "fp.Suite", name, status: "skipped" };
          if (outage) return { classname: "fp.Suite", name, status: "error" };
          const broken = k >= kind.brokenFrom && k < kind.brokenFrom + 3;
          const fails = broken || (k < kind.fixAt && rnd() < kind.flaky);
          if (fails && !broken && rnd() < 0.3) return { classname: "fp.Suite", name, status: "passed", flakyFailures: 1 + Math.floor(rnd() * 2) };
          return { classname: "fp.Suite", name, status: fails ? (rnd() < 0.2 ? "error" : "failed") : "passed" };
        });
        const red = cases.some((c) => c.status === "failed" || c.status === "error");
        const minutes = 5 + Math.floor(rnd() * 20);
        const spec: BuildSpec = {
          id: `${sha}-${a}`,
          service,
          sha,
          attempt: a,
          status: red ? "failure" : "success",
          startedAt: new Date(at).toISOString(),
          finishedAt: new Date(at + minutes * 60_000).toISOString(),
        };
        attempts.push({ spec, cases });
        at += (minutes + 3) * 60_000;
        if (!red || rnd() < 0.15) break;
      }
    }
  }
  return attempts;
}

const round = (rows: FlakyCostRow[]) => rows.map((r) => ({ ...r, rerunHours: Number(r.rerunHours.toFixed(9)), ciMinutes: Number(r.ciMinutes.toFixed(9)) }));

async function compare(db: Db, input: { from: string; to: string; team?: string; service?: string }, now: Date) {
  const ctx = await prepareCostContext({ db, input: { ...input, environment: "production" }, now });
  const label = JSON.stringify(input);
  const states = await flakyTestStates(db, ctx.q, ctx.asOf);
  const reference = await db.$queryRaw<FlakyTestStateRow[]>(referenceStatesSql(ctx.q, ctx.asOf));
  expect(states, `states ${label}`).toEqual(reference);
  expect(await brokenTests(db, ctx.q), `broken ${label}`).toEqual(await db.$queryRaw(referenceBrokenSql(ctx.q)));
  expect(await infrastructureOutages(db, ctx.q), `outages ${label}`).toEqual(await db.$queryRaw(referenceOutagesSql(ctx.q)));
  const rows = await flakyCostRows(db, ctx.q);
  const referenceRows = await db.$queryRaw<FlakyCostRow[]>(referenceCostRowsSql(ctx.q));
  expect(round(rows), `cost rows ${label}`).toEqual(round(referenceRows));
  const spans = reference
    .filter((s) => flakyState(s) === "fixed")
    .map((s) => ({ testCaseId: s.testCaseId, from: new Date(s.lastFlakyAt.getTime() - 28 * 86_400_000), to: s.lastFlakyAt }));
  expect(round(await flakyCostRowsBefore(db, ctx.q, spans)), `before fix ${label}`).toEqual(round(await referenceCostRowsBefore(db, ctx.q, spans)));
  // The ranking both give, with the states each computed.
  const rank = (r: FlakyCostRow[], s: FlakyTestStateRow[]) =>
    rankTests(
      costPerTest(r, (teamId) => inputsFor(ctx.model, teamId)).values(),
      new Map(s.map((x) => [x.testCaseId, { state: flakyState(x), fixEffortHours: 4 }])),
      ctx.weeks,
    ).map((t) => ({ ...t, hoursLost: Number(t.hoursLost.toFixed(9)), costUsd: t.costUsd }));
  expect(rank(rows, states), `ranking ${label}`).toEqual(rank(referenceRows, reference));
  return { states: reference.map(flakyState), ranked: rank(referenceRows, reference).length, broken: (await brokenTests(db, ctx.q)).length };
}

describe("cost fast paths agree with the straightforward computation", () => {
  test("random CI data: states, broken tests, outages, hours and rankings, for every window and scope", { timeout: 600_000 }, async () => {
    const rnd = random(11);
    const db = app.database.prisma;
    const attempts = dataset(rnd);
    await send(
      app,
      attempts.map((a) => build(a.spec)),
    );
    for (const [service, team] of [
      ["fp-a", "fp-team-1"],
      ["fp-b", "fp-team-2"],
    ] as const) {
      await createTeam({ db, input: { slug: team, name: team } });
      await assignServiceTeam({ db, input: { service, team } });
    }
    // Reports arrive in random order (a rerun's before its failed attempt's, sometimes).
    const order = attempts.map((a, i) => ({ a, key: i + rnd() * 12 })).sort((x, y) => x.key - y.key);
    for (const { a } of order) {
      await upload(app, a.spec.id, a.cases);
      if (rnd() < 0.08) await upload(app, a.spec.id, [{ classname: "fp.Suite", name: "t1", status: rnd() < 0.5 ? "failed" : "passed" }], "extra");
    }
    // Replaced reports, and build events that move a build (its time) after its reports.
    for (const a of attempts.filter(() => rnd() < 0.05))
      await upload(
        app,
        a.spec.id,
        a.cases.map((c) => ({ ...c, status: rnd() < 0.5 ? "failed" : c.status })),
      );
    const moved = attempts.filter(() => rnd() < 0.04).map((a) => ({ ...a.spec, finishedAt: new Date(Date.parse(a.spec.finishedAt) + 2 * HOUR).toISOString() }));
    await send(app, moved.map(build));
    // Reruns that arrive after the failures they rerun were recorded (started a minute after the
    // failed attempt: before any rerun it had), and build events that change an attempt's status.
    const late = attempts
      .filter((a) => a.spec.status === "failure" && rnd() < 0.1)
      .map((a) => ({
        ...a.spec,
        id: `${a.spec.id}-late`,
        attempt: (a.spec.attempt ?? 1) + 10,
        status: "success" as const,
        startedAt: new Date(Date.parse(a.spec.startedAt) + 60_000).toISOString(),
        finishedAt: new Date(Date.parse(a.spec.startedAt) + 20 * 60_000).toISOString(),
      }));
    const flipped = attempts
      .filter((a) => !moved.some((m) => m.id === a.spec.id) && rnd() < 0.04)
      .map((a) => ({ ...a.spec, status: a.spec.status === "failure" ? ("success" as const) : ("failure" as const) }));
    await send(app, [...late, ...flipped].map(build));

    const [staleRow] = await db.$queryRaw<{ stale: number }[]>`SELECT count(*)::int AS stale FROM "FlakyTestState" WHERE stale`;
    const seen = { fixed: 0, broken: 0, flaky: 0, ranked: 0, brokenTests: 0 };
    const now = new Date("2027-01-15T00:00:00Z");
    for (const window of [
      { from: "2026-09-01", to: "2026-10-01" },
      { from: "2026-09-15", to: "2026-11-15" },
      { from: "2026-10-12", to: "2026-10-19" },
      { from: "2026-08-01", to: "2027-03-01" },
      { from: "2026-10-20T13:00:00Z", to: "2026-10-27T09:30:00Z" },
    ]) {
      for (const scope of [{}, { team: "fp-team-1" }, { team: "fp-team-2" }, { service: "fp-c" }]) {
        const r = await compare(db, { ...window, ...scope }, now);
        for (const s of r.states) seen[s]++;
        seen.ranked += r.ranked;
        seen.brokenTests += r.broken;
      }
    }
    // The data exercised every path: each state, rankings, broken tests, stale rows.
    expect(seen.fixed).toBeGreaterThan(0);
    expect(seen.broken).toBeGreaterThan(0);
    expect(seen.flaky).toBeGreaterThan(0);
    expect(seen.ranked).toBeGreaterThan(0);
    expect(seen.brokenTests).toBeGreaterThan(0);
    expect(staleRow?.stale).toBeGreaterThan(0);
  });
});
