// The costs benchmark's floor (server/bench/costs.ts): the bare count of the test results a cost
// answer summarises, over the same window and scope (one test's results for its history).
import { Prisma } from "../../../generated/prisma/client.ts";
import type { Tx } from "../../types.ts";

export interface FloorScope {
  from: Date;
  to: Date;
  team?: string;
  service?: string;
  testCaseId?: number;
}

export async function testResultsFloor(db: Tx, s: FloorScope): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>(Prisma.sql`
    SELECT count(*)::int AS n
    FROM "Build" b JOIN "TestResult" r ON r."buildId" = b.id
    WHERE b."finishedAt" >= ${s.from} AND b."finishedAt" < ${s.to}
      ${s.team ? Prisma.sql`AND b."serviceId" IN (SELECT v.id FROM "Service" v JOIN "Team" t ON t.id = v."teamId" WHERE t.slug = ${s.team})` : Prisma.empty}
      ${s.service ? Prisma.sql`AND b."serviceId" = (SELECT v.id FROM "Service" v WHERE v.slug = ${s.service})` : Prisma.empty}
      ${s.testCaseId !== undefined ? Prisma.sql`AND r."testCaseId" = ${s.testCaseId}` : Prisma.empty}`);
  return row?.n ?? 0;
}

/** The data set's size, for the benchmark's JSON. */
export async function costsDatasetSize(db: Tx): Promise<{ testResults: number; buildAttempts: number; flakyTests: number }> {
  const [row] = await db.$queryRaw<{ testResults: number; buildAttempts: number; flakyTests: number }[]>(Prisma.sql`
    SELECT (SELECT count(*) FROM "TestResult")::int AS "testResults", (SELECT count(*) FROM "Build")::int AS "buildAttempts",
           (SELECT count(DISTINCT "testCaseId") FROM "FlakyFailure")::int AS "flakyTests"`);
  return row!;
}

/** A write that commits, so the data version changes and no report cache can answer. */
export async function bumpDataVersion(db: Tx): Promise<void> {
  await db.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS _bench_bump (n int)`);
  await db.$executeRawUnsafe(`INSERT INTO _bench_bump VALUES (1)`);
}
