// The cost queries as they were before the rollups (issue 11), kept verbatim as the reference the
// fast paths are compared with on random data (costs/fastPaths.test.ts): every execution read from
// TestResult and Build, outages from TestReport, per request.
import { Prisma } from "../../../server/src/generated/prisma/client.ts";
import type { Tx } from "../../../server/src/db/types.ts";
import { hoursBetween, inScope, weekLabel, weekOf } from "../../../server/src/db/queries/dora/fragments.ts";
import type { CostQuery } from "../../../server/src/db/queries/costs/scope.ts";
import type { FlakyCostRow } from "../../../server/src/db/queries/costs/flakyCosts.ts";

export function referenceStatesSql(q: CostQuery, asOf: Date): Prisma.Sql {
  return Prisma.sql`
    WITH flaky AS (
      SELECT f."testCaseId", min(b."finishedAt") AS "firstFlakyAt", max(b."finishedAt") AS "lastFlakyAt", count(*)::int AS "flakyFailuresEver"
      FROM "FlakyFailure" f JOIN "Build" b ON b.id = f."buildId"
      WHERE b."finishedAt" < ${asOf} ${inScope(Prisma.sql`b."serviceId"`, q)}
      GROUP BY f."testCaseId"
    )
    SELECT c.id AS "testCaseId", s.slug AS "serviceSlug", c.repository, c.suite, c.name, c.variant, c."fixEffortHours",
           s."teamId"::text AS "teamId", flaky."firstFlakyAt", flaky."lastFlakyAt", flaky."flakyFailuresEver",
           since.runs AS "runsSinceLastFlaky", since."lastRunAt",
           coalesce(latest.failed, 0) AS "latestShaFailed", coalesce(latest.passed, 0) AS "latestShaPassed"
    FROM flaky
    JOIN "TestCase" c ON c.id = flaky."testCaseId"
    LEFT JOIN "Service" s ON s.id = c."serviceId"
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS runs, max(b."finishedAt") AS "lastRunAt"
      FROM "TestResult" r JOIN "Build" b ON b.id = r."buildId"
      WHERE r."testCaseId" = c.id AND r.status <> 'skipped' AND b."finishedAt" > flaky."lastFlakyAt" AND b."finishedAt" < ${asOf}
    ) since
    LEFT JOIN LATERAL (
      SELECT r."commitSha" FROM "TestResult" r JOIN "Build" b ON b.id = r."buildId"
      WHERE r."testCaseId" = c.id AND r.status <> 'skipped' AND b."finishedAt" < ${asOf}
        -- outside infrastructure outages
        AND NOT ${isInfrastructureOutage(Prisma.sql`b.id`)}
      ORDER BY b."finishedAt" DESC, r.id DESC
      LIMIT 1
    ) last ON true
    LEFT JOIN LATERAL (
      SELECT count(*) FILTER (WHERE r.status IN ('failed', 'error'))::int AS failed, count(*) FILTER (WHERE r.status = 'passed')::int AS passed
      FROM "TestResult" r JOIN "Build" b ON b.id = r."buildId"
      WHERE r."testCaseId" = c.id AND r."commitSha" = last."commitSha" AND b."finishedAt" < ${asOf}
        AND NOT ${isInfrastructureOutage(Prisma.sql`b.id`)}
    ) latest ON true
    ORDER BY c.id`;
}

function isInfrastructureOutage(buildId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT sum(t.failed + t.errors) * 2 > sum(t.tests) FROM "TestReport" t WHERE t."buildId" = ${buildId})`;
}

export function referenceOutagesSql(q: CostQuery): Prisma.Sql {
  return Prisma.sql`
    SELECT b.id AS "buildId", s.slug AS "serviceSlug", b.pipeline, b."commitSha", b.attempt, b."finishedAt",
           sum(t.tests)::int AS tests, sum(t.failed + t.errors)::int AS failed
    FROM "Build" b
    JOIN "TestReport" t ON t."buildId" = b.id
    LEFT JOIN "Service" s ON s.id = b."serviceId"
    WHERE b."finishedAt" >= ${q.from} AND b."finishedAt" < ${q.to} ${inScope(Prisma.sql`b."serviceId"`, q)}
    GROUP BY b.id, s.slug
    HAVING sum(t.failed + t.errors) * 2 > sum(t.tests)
    ORDER BY b."finishedAt", b.id`;
}

export function referenceBrokenSql(q: CostQuery): Prisma.Sql {
  return Prisma.sql`
    WITH failures AS (
      SELECT DISTINCT r."testCaseId", r."commitSha"
      FROM "Build" b JOIN "TestResult" r ON r."buildId" = b.id
      WHERE b."finishedAt" >= ${q.from} AND b."finishedAt" < ${q.to} AND r.status IN ('failed', 'error')
        ${inScope(Prisma.sql`b."serviceId"`, q)}
    ),
    pairs AS (
      SELECT p."testCaseId", p."commitSha",
             count(*) FILTER (WHERE r.status IN ('failed', 'error'))::int AS failed,
             count(*) FILTER (WHERE r.status = 'passed')::int AS passed,
             min(b."finishedAt") FILTER (WHERE r.status IN ('failed', 'error')) AS "firstFailedAt",
             max(b."finishedAt") FILTER (WHERE r.status IN ('failed', 'error')) AS "lastFailedAt"
      FROM failures p
      JOIN "TestResult" r ON r."testCaseId" = p."testCaseId" AND r."commitSha" = p."commitSha"
      JOIN "Build" b ON b.id = r."buildId"
      WHERE NOT ${isInfrastructureOutage(Prisma.sql`b.id`)}
      GROUP BY p."testCaseId", p."commitSha"
    )
    SELECT c.id AS "testCaseId", s.slug AS "serviceSlug", c.suite, c.name, c.variant,
           count(*)::int AS shas, sum(p.failed)::int AS "failedExecutions",
           min(p."firstFailedAt") AS "firstFailedAt", max(p."lastFailedAt") AS "lastFailedAt"
    FROM pairs p
    JOIN "TestCase" c ON c.id = p."testCaseId"
    LEFT JOIN "Service" s ON s.id = c."serviceId"
    WHERE p.failed >= 2 AND p.passed = 0
    GROUP BY c.id, s.slug
    ORDER BY sum(p.failed) DESC, c.id`;
}

function flakyFailureFacts(q: CostQuery, where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT f."resultId", f."testCaseId", f."buildId", s."teamId"::text AS "teamId", b."finishedAt",
           ${weekOf(Prisma.sql`b."finishedAt"`, q)} AS week,
           (f."lastInAttempt" AND b.status = 'failure') AS blocking,
           greatest(0, ${hoursBetween(Prisma.sql`coalesce(n."startedAt", b."startedAt")`, Prisma.sql`coalesce(n."finishedAt", b."finishedAt")`)}) AS "rerunHours",
           n.id IS NOT NULL AS "rerunKnown",
           -- One rerun serves every blocking flaky failure of the attempt: its CI minutes are shared.
           (SELECT count(*) FROM "FlakyFailure" o WHERE o."buildId" = f."buildId" AND o."lastInAttempt") AS "sharedBy"
    FROM "FlakyFailure" f
    JOIN "Build" b ON b.id = f."buildId"
    LEFT JOIN "Service" s ON s.id = b."serviceId"
    LEFT JOIN LATERAL (
      SELECT n.id, n."startedAt", n."finishedAt" FROM "Build" n
      WHERE n."commitSha" = b."commitSha" AND n.pipeline = b.pipeline
        AND n."serviceId" IS NOT DISTINCT FROM b."serviceId" AND n.repository IS NOT DISTINCT FROM b.repository
        AND (n."startedAt", n.attempt, n.id) > (b."startedAt", b.attempt, b.id)
      ORDER BY n."startedAt", n.attempt, n.id
      LIMIT 1
    ) n ON f."lastInAttempt" AND b.status = 'failure'
    WHERE ${where} ${inScope(Prisma.sql`b."serviceId"`, q)}`;
}

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

export function referenceCostRowsSql(q: CostQuery): Prisma.Sql {
  return aggregate(flakyFailureFacts(q, Prisma.sql`b."finishedAt" >= ${q.from} AND b."finishedAt" < ${q.to}`));
}

export function referenceCostRowsBefore(db: Tx, q: CostQuery, spans: { testCaseId: number; from: Date; to: Date }[]): Promise<FlakyCostRow[]> {
  if (spans.length === 0) return Promise.resolve([]);
  const json = JSON.stringify(spans.map((s) => ({ testCaseId: s.testCaseId, from: s.from.toISOString(), to: s.to.toISOString() })));
  return db.$queryRaw<FlakyCostRow[]>(
    aggregate(
      flakyFailureFacts(
        q,
        Prisma.sql`EXISTS (
          SELECT 1 FROM json_to_recordset(${json}::json) AS x("testCaseId" int, "from" timestamptz, "to" timestamptz)
          WHERE x."testCaseId" = f."testCaseId" AND b."finishedAt" > x."from" AND b."finishedAt" <= x."to")`,
      ),
    ),
  );
}
