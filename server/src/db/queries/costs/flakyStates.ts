// The rollups the cost views read instead of all history (docs/costs.md "Performance"), kept by
// recordTestReports inside its transaction, after refreshFlakyFailures, for what the upload
// touched: each uploaded build's outage flag (its reports changed), which of the touched
// (test, sha) pairs are broken, and the FlakyTestState row of each touched test. The refresh
// functions are SQL functions defined by migration flaky_test_state (which also backfills); the
// flaky test states' facts are keel_flaky_test_facts (migration flaky_test_facts).
import { Prisma } from "../../../generated/prisma/client.ts";
import type { Tx } from "../../types.ts";
import { touchedPairs, type TestShaPair } from "./flakyFailures.ts";

/** Each uploaded build's outage flag: its reports changed. */
export async function updateOutageFlags(tx: Tx, buildIds: string[]): Promise<void> {
  if (buildIds.length === 0) return;
  const builds = Prisma.sql`SELECT value FROM json_array_elements_text(${JSON.stringify(buildIds)}::json)`;
  // More than half of the tests of all the build's reports failed (final outcomes).
  await tx.$executeRaw(Prisma.sql`
    UPDATE "Build" b SET outage = o.outage
    FROM (
      SELECT x.value AS id, coalesce((SELECT sum(t.failed + t.errors) * 2 > sum(t.tests) FROM "TestReport" t WHERE t."buildId" = x.value), false) AS outage
      FROM (${builds}) x
    ) o
    WHERE b.id = o.id AND b.outage IS DISTINCT FROM o.outage`);
}

/**
 * Recomputes the broken pairs and flaky test states of the (test, sha) pairs an upload touched
 * (its own results, the other reports of its builds, the reports it replaced): recordTestReports
 * knows them and passes them a piece at a time, after updateOutageFlags.
 */
export async function updateFlakyStates(tx: Tx, pairs: TestShaPair[]): Promise<void> {
  if (pairs.length === 0) return;
  await tx.$queryRaw(Prisma.sql`
    WITH p AS (${touchedPairs([], pairs)})
    SELECT keel_refresh_broken_pairs((SELECT json_agg(json_build_object('testCaseId', p."testCaseId", 'commitSha', p."commitSha")) FROM p))::text`);
  await tx.$queryRaw(Prisma.sql`
    WITH p AS (${touchedPairs([], pairs)})
    SELECT keel_refresh_flaky_test_states(ARRAY(SELECT DISTINCT p."testCaseId" FROM p))::text`);
}
