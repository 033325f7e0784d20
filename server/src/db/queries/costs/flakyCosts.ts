// What flaky tests cost, counted in SQL (product.md "Cost model"): for each flaky failure in the
// window (by its build attempt's finishedAt), whether it was blocking (its attempt failed and this
// failure left the test red there) and the duration of the rerun: the next attempt of the same sha
// and pipeline (same service and repository), in start order; when there is none, the failed
// attempt's own duration (that rule lives in migration flaky_failure_rerun, whose triggers keep its
// result on each FlakyFailure row). The cost model is applied in TypeScript (metrics/hoursLost.ts): these
// rows carry only counts and durations, so a cost model edit changes money, never counts.
import { Prisma } from "../../../generated/prisma/client.ts";
import type { TestCostRow } from "../../../metrics/flakyTests.ts";
import type { Tx } from "../../types.ts";
import { hoursBetween, inScope, weekLabel, weekOf } from "../dora/fragments.ts";
import type { CostQuery } from "./scope.ts";

/**
 * One flaky failure with everything its cost needs, all on the FlakyFailure row: its copy of the
 * build's time and service (FlakyFailure.finishedAt, serviceId), and what the triggers of migration
 * flaky_failure_rerun keep from its build and the build's rerun (blocking, the rerun's span), so no
 * Build row is read. `where` narrows the flaky failures `f` (an index range); `spans`, when given,
 * is joined first (rows x with "testCaseId", "from", "to").
 */
function flakyFailureFacts(q: CostQuery, where: Prisma.Sql, spans?: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT f."resultId", f."testCaseId", f."buildId", s."teamId"::text AS "teamId", f."finishedAt",
           ${weekOf(Prisma.sql`f."finishedAt"`, q)} AS week,
           f.blocking,
           greatest(0, ${hoursBetween(Prisma.sql`f."rerunStartedAt"`, Prisma.sql`f."rerunFinishedAt"`)}) AS "rerunHours",
           f."rerunKnown",
           -- One rerun serves every blocking flaky failure of the attempt: its CI minutes are shared.
           ${
             spans
               ? // Read only for blocking failures (the only ones whose CI minutes are counted).
                 Prisma.sql`CASE WHEN f.blocking THEN (SELECT count(*) FROM "FlakyFailure" o WHERE o."buildId" = f."buildId" AND o."lastInAttempt") END`
               : // A window holds every flaky failure of each attempt it holds (they share its time
                 // and service): counted among the window's rows, no lookup per row.
                 Prisma.sql`count(*) FILTER (WHERE f."lastInAttempt") OVER (PARTITION BY f."buildId")`
           } AS "sharedBy"
    FROM ${spans ? Prisma.sql`${spans} JOIN "FlakyFailure" f ON f."testCaseId" = x."testCaseId"` : Prisma.sql`"FlakyFailure" f`}
    LEFT JOIN "Service" s ON s.id = f."serviceId"
    WHERE ${where} ${inScope(Prisma.sql`f."serviceId"`, q)}`;
}

/** The rows the cost arithmetic reads (metrics/flakyTests.ts costPerTest). */
export type FlakyCostRow = TestCostRow;

function aggregate(facts: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    WITH f AS (${facts})
    SELECT "testCaseId", "teamId", ${weekLabel(Prisma.sql`week`)} AS week,
           count(*)::int AS "flakyFailures",
           count(*) FILTER (WHERE blocking)::int AS "blockingFailures",
           coalesce(sum("rerunHours") FILTER (WHERE blocking), 0)::float8 AS "rerunHours",
           count(*) FILTER (WHERE blocking AND NOT "rerunKnown")::int AS "rerunsUnknown",
           coalesce(sum("rerunHours" * 60 / "sharedBy") FILTER (WHERE blocking), 0)::float8 AS "ciMinutes"
    FROM f
    GROUP BY "testCaseId", "teamId", week
    ORDER BY week, "testCaseId"`;
}

/** Flaky failures in scope whose attempt finished in [from, to), per (test, team, week). */
export function flakyCostRows(db: Tx, q: CostQuery): Promise<FlakyCostRow[]> {
  return db.$queryRaw<FlakyCostRow[]>(flakyCostRowsSql(q));
}

export function flakyCostRowsSql(q: CostQuery): Prisma.Sql {
  return aggregate(flakyFailureFacts(q, Prisma.sql`f."finishedAt" >= ${q.from} AND f."finishedAt" < ${q.to}`));
}

/**
 * For each given test, its flaky failures in the span before its fix date (from − to, both
 * inclusive of the fix itself: (fixDate − days, fixDate]), per (test, team, week).
 */
export function flakyCostRowsBefore(db: Tx, q: CostQuery, spans: { testCaseId: number; from: Date; to: Date }[]): Promise<FlakyCostRow[]> {
  if (spans.length === 0) return Promise.resolve([]);
  const json = JSON.stringify(spans.map((s) => ({ testCaseId: s.testCaseId, from: s.from.toISOString(), to: s.to.toISOString() })));
  return db.$queryRaw<FlakyCostRow[]>(
    aggregate(
      flakyFailureFacts(
        q,
        Prisma.sql`f."finishedAt" > x."from" AND f."finishedAt" <= x."to"`,
        // One span per test (a test has one fix date), so the join adds no duplicates.
        Prisma.sql`json_to_recordset(${json}::json) AS x("testCaseId" int, "from" timestamptz, "to" timestamptz)`,
      ),
    ),
  );
}
