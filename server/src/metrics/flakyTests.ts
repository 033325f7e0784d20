// Flaky tests ranked by what they cost (product.md "Flaky tests", "Cost model"): state, hours and
// money per test, and fix payback = estimated fix effort ÷ weekly hours lost, in weeks.
import type { CostModelInputsData } from "@keel/shared";
import { addCounts, exactCost, ZERO_COUNTS, type RawCounts } from "./hoursLost.ts";
import { cents } from "./money.ts";
import { DAY_MS } from "@keel/shared/calendar";

export type FlakyState = "flaky" | "fixed" | "broken";

export const FIXED_MIN_RUNS = 20;
export const FIXED_MIN_DAYS = 14;

export interface StateFacts {
  lastFlakyAt: Date;
  runsSinceLastFlaky: number;
  lastRunAt: Date | null;
  latestShaFailed: number;
  latestShaPassed: number;
}

/**
 * broken: its latest sha failed on every attempt (at least two failed executions, no pass): failing
 * for real now. fixed: at least 20 runs over at least 14 days since its last flaky failure (the
 * fix date). flaky: otherwise.
 */
export function flakyState(s: StateFacts): FlakyState {
  if (s.latestShaPassed === 0 && s.latestShaFailed >= 2) return "broken";
  const days = s.lastRunAt === null ? 0 : (s.lastRunAt.getTime() - s.lastFlakyAt.getTime()) / DAY_MS;
  if (s.runsSinceLastFlaky >= FIXED_MIN_RUNS && days >= FIXED_MIN_DAYS) return "fixed";
  return "flaky";
}

/** Weeks to pay back a fix: effort hours ÷ weekly hours lost; null when it loses no hours. */
export function paybackWeeks(effortHours: number, weeklyHoursLost: number): number | null {
  return weeklyHoursLost > 0 ? effortHours / weeklyHoursLost : null;
}

/** A test's flaky failures of one week and one team, counted in SQL (db/queries/costs/flakyCosts.ts). */
export interface TestCostRow {
  testCaseId: number;
  /** The team of the build's service; null when it has none. */
  teamId: string | null;
  /** Local Monday of the failed attempt's week, YYYY-MM-DD. */
  week: string;
  flakyFailures: number;
  blockingFailures: number;
  /** Σ over blocking failures of the rerun attempt's duration, hours. */
  rerunHours: number;
  /** Blocking failures whose rerun was not found (the failed attempt's duration was used). */
  rerunsUnknown: number;
  /** CI minutes of the reruns, each rerun shared among the blocking failures of its attempt. */
  ciMinutes: number;
}

export interface TestCost {
  testCaseId: number;
  flakyFailures: number;
  blockingFailures: number;
  /** Exact hours and dollars (labour + CI), summed over the teams of its builds. */
  hours: number;
  usd: number;
  /** Per week of the rows, exact hours. */
  weekly: Map<string, { flakyFailures: number; blockingFailures: number; hours: number }>;
  teamIds: Set<string | null>;
}

/** Each test's flaky failures and their exact cost, each build's team under its own inputs. */
export function costPerTest(rows: TestCostRow[], inputsOf: (teamId: string | null) => CostModelInputsData): Map<number, TestCost> {
  const out = new Map<number, TestCost>();
  for (const row of rows) {
    let t = out.get(row.testCaseId);
    if (!t) {
      t = { testCaseId: row.testCaseId, flakyFailures: 0, blockingFailures: 0, hours: 0, usd: 0, weekly: new Map(), teamIds: new Set() };
      out.set(row.testCaseId, t);
    }
    const counts: RawCounts = addCounts(ZERO_COUNTS, row);
    const c = exactCost(counts, inputsOf(row.teamId));
    t.flakyFailures += row.flakyFailures;
    t.blockingFailures += row.blockingFailures;
    t.hours += c.flakyTests;
    t.usd += c.flakyTestsUsd;
    t.teamIds.add(row.teamId);
    const w = t.weekly.get(row.week) ?? { flakyFailures: 0, blockingFailures: 0, hours: 0 };
    t.weekly.set(row.week, {
      flakyFailures: w.flakyFailures + row.flakyFailures,
      blockingFailures: w.blockingFailures + row.blockingFailures,
      hours: w.hours + c.flakyTests,
    });
  }
  return out;
}

export interface RankedTest {
  testCaseId: number;
  flakyFailures: number;
  blockingFailures: number;
  hoursLost: number;
  costUsd: number;
  state: FlakyState;
  fixEffortHours: number;
  weeklyHoursLost: number;
  paybackWeeks: number | null;
}

/** Sorted by hours lost, then flaky failures, then id (a stable order for ties). */
export function rankTests(costs: Iterable<TestCost>, facts: Map<number, { state: FlakyState; fixEffortHours: number }>, weeksInWindow: number): RankedTest[] {
  const ranked: RankedTest[] = [];
  for (const c of costs) {
    const f = facts.get(c.testCaseId);
    if (!f) continue;
    const weeklyHoursLost = weeksInWindow > 0 ? c.hours / weeksInWindow : 0;
    ranked.push({
      testCaseId: c.testCaseId,
      flakyFailures: c.flakyFailures,
      blockingFailures: c.blockingFailures,
      hoursLost: c.hours,
      costUsd: cents(c.usd),
      state: f.state,
      fixEffortHours: f.fixEffortHours,
      weeklyHoursLost,
      // A fixed test has nothing left to pay back.
      paybackWeeks: f.state === "fixed" ? null : paybackWeeks(f.fixEffortHours, weeklyHoursLost),
    });
  }
  return ranked.sort((a, b) => b.hoursLost - a.hoursLost || b.flakyFailures - a.flakyFailures || a.testCaseId - b.testCaseId);
}

/** "Fixing the top N pays back in W weeks": Σ effort ÷ Σ weekly hours of the top unfixed tests that lose hours. */
export function topFixPayback(
  ranked: Pick<RankedTest, "state" | "hoursLost" | "fixEffortHours" | "weeklyHoursLost">[],
  n: number,
): { tests: number; effortHours: number; weeklyHoursLost: number; paybackWeeks: number | null } {
  const top = ranked.filter((t) => t.state !== "fixed" && t.hoursLost > 0).slice(0, n);
  const effortHours = top.reduce((s, t) => s + t.fixEffortHours, 0);
  const weeklyHoursLost = top.reduce((s, t) => s + t.weeklyHoursLost, 0);
  return { tests: top.length, effortHours, weeklyHoursLost, paybackWeeks: paybackWeeks(effortHours, weeklyHoursLost) };
}
