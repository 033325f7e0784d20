// Synthetic data for the metrics benchmark (server/bench/metrics.ts), generated inside the database
// with INSERT ... SELECT ... FROM generate_series: two years, 20 teams, 200 services, 200,000
// deployments, 1,000,000 changes (20% shipped twice), 20,000 incidents. Deterministic: the
// "random" numbers are hashes of the row number (hashint8), so every run builds the same data.
import { DAY_MS } from "@keel/shared/calendar";
import { Prisma } from "../../../generated/prisma/client.ts";
import type { Tx } from "../../types.ts";
import { rnd, teamsAndServices } from "./benchSql.ts";

export interface BenchDataSize {
  teams: number;
  services: number;
  deployments: number;
  changesPerDeployment: number;
  incidents: number;
  /** Data covers [end − 730 days, end). */
  end: Date;
}

export async function generateDoraBenchData(db: Tx, size: BenchDataSize, log: (step: string) => void): Promise<void> {
  const start = new Date(size.end.getTime() - 730 * DAY_MS);
  // Each service deploys every `spacing` hours, with up to ±4 hours of jitter.
  const perService = Math.floor(size.deployments / size.services);
  const spacingHours = (730 * 24) / perService;
  const svc = (n: Prisma.Sql) => Prisma.sql`md5('svc' || (1 + ((${n}) - 1) % ${size.services}))::uuid`;
  const finished = (n: Prisma.Sql) =>
    Prisma.sql`(${start}::timestamptz + (((${n}) - 1) / ${size.services}) * ${spacingHours}::float8 * interval '1 hour' + (${rnd(n, 2)} - 0.5) * interval '8 hours')`;
  const run = async (step: string, sql: Prisma.Sql) => {
    const t = performance.now();
    await db.$executeRaw(sql);
    log(`${step} (${Math.round(performance.now() - t)} ms)`);
  };

  await run("teams and services", teamsAndServices(size, null));
  await run(
    "environments",
    Prisma.sql`INSERT INTO "Environment" (id, name) VALUES (md5('env-production')::uuid, 'production'), (md5('env-staging')::uuid, 'staging')`,
  );

  // 20% staging; 90% success, 7% failure, 3% cancelled; 3% rollbacks (two in three name the
  // service's previous deployment), 4% hotfixes, 1% remediating an incident.
  await run(
    "deployments",
    Prisma.sql`
    INSERT INTO "Deployment" (id, "serviceId", "environmentId", "teamId", status, "startedAt", "finishedAt", "commitSha", kind,
                              "rollbackOfDeploymentId", "remediatesIncidentId", "updatedAt")
    SELECT 'd' || n, ${svc(Prisma.sql`n`)},
           CASE WHEN ${rnd(Prisma.sql`n`, 1)} < 0.2 THEN md5('env-staging')::uuid ELSE md5('env-production')::uuid END,
           md5('team' || (1 + ((n - 1) % ${size.services}::int) % ${size.teams}::int))::uuid,
           (CASE WHEN ${rnd(Prisma.sql`n`, 3)} < 0.9 THEN 'success' WHEN ${rnd(Prisma.sql`n`, 3)} < 0.97 THEN 'failure' ELSE 'cancelled' END)::"DeploymentStatus",
           ${finished(Prisma.sql`n`)} - interval '10 minutes',
           ${finished(Prisma.sql`n`)},
           'c' || ((n - 1) * ${size.changesPerDeployment}::int + ${size.changesPerDeployment}::int),
           (CASE WHEN ${rnd(Prisma.sql`n`, 4)} < 0.03 THEN 'rollback' WHEN ${rnd(Prisma.sql`n`, 4)} < 0.07 THEN 'hotfix' ELSE 'normal' END)::"DeploymentKind",
           CASE WHEN ${rnd(Prisma.sql`n`, 4)} < 0.02 AND n > ${size.services}::int THEN 'd' || (n - ${size.services}::int) END,
           CASE WHEN ${rnd(Prisma.sql`n`, 5)} < 0.01 THEN 'i' || (1 + (n % ${size.incidents}::int)) END,
           now()
    FROM generate_series(1, ${size.deployments}::int) n`,
  );

  // Committed 0.5 to ~200 hours before the deployment (skewed short); one in a thousand after it.
  await run(
    "changes",
    Prisma.sql`
    INSERT INTO "Change" (id, sha, repository, "serviceId", "committedAt", category, "categorySource", labels, "updatedAt",
                          "prNumber", "prOpenedAt", "prFirstReviewAt", "prMergedAt")
    SELECT md5('c' || m)::uuid, 'c' || m, '', ${svc(Prisma.sql`d`)},
           ${finished(Prisma.sql`d`)} - (CASE WHEN ${rnd(Prisma.sql`m`, 6)} < 0.001 THEN -1 ELSE 0.5 + 200 * power(${rnd(Prisma.sql`m`, 7)}, 3) END) * interval '1 hour',
           'other', 'none', '{}', now(),
           -- One pull request per deployment's changes: merged 0.2-10 h before it finished, first
           -- reviewed up to a day before that (never, one in ten), opened up to two days before review.
           d, merged - (interval '1 hour' * (24 * power(${rnd(Prisma.sql`d`, 9)}, 2) + 48 * power(${rnd(Prisma.sql`d`, 10)}, 3))),
           CASE WHEN ${rnd(Prisma.sql`d`, 11)} >= 0.1 THEN merged - interval '1 hour' * 24 * power(${rnd(Prisma.sql`d`, 9)}, 2) END,
           merged
    FROM generate_series(1, ${size.deployments * size.changesPerDeployment}::int) m
    CROSS JOIN LATERAL (SELECT (m - 1) / ${size.changesPerDeployment}::int + 1 AS d) x
    CROSS JOIN LATERAL (SELECT ${finished(Prisma.sql`x.d`)} - interval '1 hour' * (0.2 + 9.8 * ${rnd(Prisma.sql`x.d`, 8)}) AS merged) pr`,
  );

  await run(
    "deployment changes",
    Prisma.sql`
    INSERT INTO "DeploymentChange" ("deploymentId", "changeId")
    SELECT 'd' || ((m - 1) / ${size.changesPerDeployment}::int + 1), md5('c' || m)::uuid
    FROM generate_series(1, ${size.deployments * size.changesPerDeployment}::int) m
    UNION ALL
    -- 20% are shipped again by the service's next deployment.
    SELECT 'd' || ((m - 1) / ${size.changesPerDeployment}::int + 1 + ${size.services}::int), md5('c' || m)::uuid
    FROM generate_series(1, (${size.deployments}::int - ${size.services}::int) * ${size.changesPerDeployment}::int) m
    WHERE ${rnd(Prisma.sql`m`, 8)} < 0.2`,
  );

  // Incidents: 3% with no service, 20% naming a deployment, 5% naming a commit, 10% not caused by
  // a change, 1% still open; resolved 3 minutes to ~100 hours after opening.
  await run(
    "incidents",
    Prisma.sql`
    INSERT INTO "Incident" (id, "serviceId", severity, "openedAt", "resolvedAt", "causedByDeploymentId", "causedByCommitSha", "notCausedByChange", "updatedAt")
    SELECT 'i' || k,
           CASE WHEN ${rnd(Prisma.sql`k`, 10)} < 0.03 THEN NULL ELSE md5('svc' || s)::uuid END,
           'sev' || (1 + k % 3),
           opened,
           CASE WHEN ${rnd(Prisma.sql`k`, 11)} < 0.01 THEN NULL ELSE opened + (0.05 + 100 * power(${rnd(Prisma.sql`k`, 12)}, 4)) * interval '1 hour' END,
           CASE WHEN c < 0.2 THEN 'd' || (idx * ${size.services}::int + s) END,
           CASE WHEN c >= 0.2 AND c < 0.25 THEN 'c' || ((idx * ${size.services}::int + s - 1) * ${size.changesPerDeployment}::int + 1) END,
           c >= 0.25 AND c < 0.35,
           now()
    FROM generate_series(1, ${size.incidents}::int) k
    CROSS JOIN LATERAL (
      SELECT 1 + (hashint4(k * 31) & 2147483647) % ${size.services}::int AS s,
             ${start}::timestamptz + ${rnd(Prisma.sql`k`, 13)} * interval '730 days' AS opened,
             ${rnd(Prisma.sql`k`, 14)} AS c
    ) a
    CROSS JOIN LATERAL (SELECT LEAST(${perService - 1}::int, floor(extract(epoch FROM (opened - ${start}::timestamptz)) / 3600 / ${spacingHours}::float8)::int) AS idx) b`,
  );
}

/**
 * Fresh statistics and the visibility map that index-only scans need, as autovacuum (PostgreSQL)
 * or Keel's own (PGlite, db/autoVacuum.ts) leaves them a few seconds after a bulk load.
 */
export async function analyzeBenchData(db: Tx): Promise<void> {
  await db.$executeRawUnsafe("VACUUM ANALYZE");
}

/** The size of the measured data set (bench:metrics --json "dataset"). */
export interface DoraDatasetSize {
  deployments: number;
  changes: number;
  incidents: number;
}

export async function doraDatasetSize(db: Tx): Promise<DoraDatasetSize> {
  const [row] = await db.$queryRaw<DoraDatasetSize[]>(Prisma.sql`
    SELECT (SELECT count(*) FROM "Deployment")::int AS deployments, (SELECT count(*) FROM "Change")::int AS changes,
           (SELECT count(*) FROM "Incident")::int AS incidents`);
  return row ?? { deployments: 0, changes: 0, incidents: 0 };
}
