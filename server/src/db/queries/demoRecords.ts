// Which stored records are the demo's, and their removal (services/removeDemo.ts). The demo is
// ingested like any sender with source "demo" (services/loadDemo.ts, since the first version), so
// its raw events are the marker: an event's record is the demo's when the version stored now
// (EventState) is a raw event with that source. An organisation that sent its own version of a
// demo id owns the record from then on. A raw event's dedupe key is "<EventState key>:<hash>",
// the hash 32 hex characters (services/events/eventKey.ts).
import { Prisma } from "../../generated/prisma/client.ts";
import type { Tx } from "../types.ts";

const HASH = 32;
const json = (values: unknown[]) => JSON.stringify(values);
const texts = (values: string[]) => Prisma.sql`(SELECT value FROM json_array_elements_text(${json(values)}::json))`;

/** EventState keys ("deployment:<id>", "change:<repository>@<sha>", ...) whose stored version the demo sent. */
export async function demoEventKeys(tx: Tx): Promise<string[]> {
  const rows = await tx.$queryRaw<{ key: string }[]>(Prisma.sql`
    SELECT s.key FROM "RawEvent" r
    JOIN "EventState" s ON s.key = left(r."dedupeKey", length(r."dedupeKey") - ${HASH + 1}) AND s.hash = right(r."dedupeKey", ${HASH})
    WHERE r.source = 'demo'`);
  return rows.map((r) => r.key);
}

export async function hasDemoRawEvents(tx: Tx): Promise<boolean> {
  const rows = await tx.$queryRaw<unknown[]>(Prisma.sql`SELECT 1 FROM "RawEvent" WHERE source = 'demo' LIMIT 1`);
  return rows.length > 0;
}

/** The changes of these demo change events and those the given deployments shipped: the demo's candidates. */
export async function candidateChanges(tx: Tx, changeKeys: { repository: string; sha: string }[], deploymentIds: string[]): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>(Prisma.sql`
    SELECT dc."changeId"::text AS id FROM "DeploymentChange" dc WHERE dc."deploymentId" IN ${texts(deploymentIds)}
    UNION
    SELECT c.id::text FROM json_to_recordset(${json(changeKeys)}::json) AS k(repository text, sha text)
    JOIN "Change" c ON c.repository = k.repository AND c.sha = k.sha`);
  return rows.map((r) => r.id);
}

/** Every (test, sha) pair and test with results in these builds: the rollups to recompute after them. */
export async function testPairsOfBuilds(tx: Tx, buildIds: string[]): Promise<{ testCaseId: number; commitSha: string }[]> {
  return tx.$queryRaw(Prisma.sql`
    SELECT DISTINCT r."testCaseId", r."commitSha" FROM "TestResult" r WHERE r."buildId" IN ${texts(buildIds)}`);
}

export async function countReportsOfBuilds(tx: Tx, buildIds: string[]): Promise<{ reports: number; results: number }> {
  const [row] = await tx.$queryRaw<{ reports: number; results: number }[]>(Prisma.sql`
    SELECT (SELECT count(*)::int FROM "TestReport" WHERE "buildId" IN ${texts(buildIds)}) AS reports,
           (SELECT count(*)::int FROM "TestResult" WHERE "buildId" IN ${texts(buildIds)}) AS results`);
  return row ?? { reports: 0, results: 0 };
}

/** Deletes deployments (their links first, so the lead-time rollup's triggers see them go), incidents or builds by id. */
export async function deleteById(tx: Tx, table: "Deployment" | "Incident" | "Build", ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  if (table === "Deployment") await tx.$executeRaw(Prisma.sql`DELETE FROM "DeploymentChange" WHERE "deploymentId" IN ${texts(ids)}`);
  return tx.$executeRaw(Prisma.sql`DELETE FROM ${Prisma.raw(`"${table}"`)} WHERE id IN ${texts(ids)}`);
}

/**
 * Deletes the candidate changes no remaining deployment shipped and no change event of the
 * organisation names (its own version under either key the change can be sent with); returns the
 * EventState keys of the demo change events among them.
 */
export async function deleteUnusedChanges(tx: Tx, changeIds: string[], demoChangeKeys: string[]): Promise<{ removed: number; keys: string[] }> {
  if (changeIds.length === 0) return { removed: 0, keys: [] };
  const rows = await tx.$queryRaw<{ repository: string; sha: string }[]>(Prisma.sql`
    DELETE FROM "Change" c
    WHERE c.id IN (SELECT value::uuid FROM json_array_elements_text(${json(changeIds)}::json))
      AND NOT EXISTS (SELECT 1 FROM "DeploymentChange" dc WHERE dc."changeId" = c.id)
      AND NOT EXISTS (
        SELECT 1 FROM "EventState" s
        WHERE s.key IN ('change:' || c.repository || '@' || c.sha, 'change:@' || c.sha) AND s.key NOT IN ${texts(demoChangeKeys)})
    RETURNING c.repository, c.sha`);
  const demo = new Set(demoChangeKeys);
  const keys = rows.flatMap((r) => [`change:${r.repository}@${r.sha}`, `change:@${r.sha}`]).filter((key) => demo.has(key));
  return { removed: rows.length, keys };
}

/** Test cases among these with no result left. */
export function deleteTestCasesWithoutResults(tx: Tx, testCaseIds: number[]): Promise<number> {
  if (testCaseIds.length === 0) return Promise.resolve(0);
  return tx.$executeRaw(Prisma.sql`
    DELETE FROM "TestCase" t
    WHERE t.id IN (SELECT value::int FROM json_array_elements_text(${json(testCaseIds)}::json))
      AND NOT EXISTS (SELECT 1 FROM "TestResult" r WHERE r."testCaseId" = t.id)`);
}

export async function deleteEventStates(tx: Tx, keys: string[]): Promise<void> {
  if (keys.length > 0) await tx.$executeRaw(Prisma.sql`DELETE FROM "EventState" WHERE key IN ${texts(keys)}`);
}

/** The demo's raw events, except those that are still the stored version of a record kept. */
export function deleteDemoRawEvents(tx: Tx): Promise<number> {
  return tx.$executeRaw(Prisma.sql`
    DELETE FROM "RawEvent" r
    WHERE r.source = 'demo'
      AND NOT EXISTS (
        SELECT 1 FROM "EventState" s
        WHERE s.key = left(r."dedupeKey", length(r."dedupeKey") - ${HASH + 1}) AND s.hash = right(r."dedupeKey", ${HASH}))`);
}

/** No row of these (each a table aliased x and its condition on the row being deleted) refers to it. */
function unreferenced(references: Prisma.Sql[]): Prisma.Sql {
  return Prisma.join(
    references.map((reference) => Prisma.sql`NOT EXISTS (SELECT 1 FROM ${reference})`),
    " AND ",
  );
}

const SERVICE_REFERENCES = [
  Prisma.sql`"Deployment" x WHERE x."serviceId" = sv.id`,
  Prisma.sql`"Change" x WHERE x."serviceId" = sv.id`,
  Prisma.sql`"Incident" x WHERE x."serviceId" = sv.id`,
  Prisma.sql`"Build" x WHERE x."serviceId" = sv.id`,
  Prisma.sql`"TestCase" x WHERE x."serviceId" = sv.id`,
  Prisma.sql`"Goal" x WHERE x."serviceId" = sv.id`,
];

const TEAM_REFERENCES = [
  Prisma.sql`"Service" x WHERE x."teamId" = t.id`,
  Prisma.sql`"Deployment" x WHERE x."teamId" = t.id`,
  Prisma.sql`"Goal" x WHERE x."teamId" = t.id`,
  Prisma.sql`"Subscription" x WHERE x.team = t.slug`,
  Prisma.sql`"CostModelVersion" x WHERE x.scope = t.id::text`,
];

/** Services of these slugs that no record, test or goal refers to. */
export function deleteUnusedServices(tx: Tx, slugs: string[]): Promise<number> {
  return tx.$executeRaw(Prisma.sql`DELETE FROM "Service" sv WHERE sv.slug IN ${texts(slugs)} AND ${unreferenced(SERVICE_REFERENCES)}`);
}

/** Teams of these slugs that no service, deployment, goal, subscription or cost model refers to. */
export function deleteUnusedTeams(tx: Tx, slugs: string[]): Promise<number> {
  return tx.$executeRaw(Prisma.sql`DELETE FROM "Team" t WHERE t.slug IN ${texts(slugs)} AND ${unreferenced(TEAM_REFERENCES)}`);
}

/** Environments of these names that no deployment uses. */
export function deleteUnusedEnvironments(tx: Tx, names: string[]): Promise<number> {
  return tx.$executeRaw(Prisma.sql`
    DELETE FROM "Environment" e
    WHERE e.name IN ${texts(names)} AND NOT EXISTS (SELECT 1 FROM "Deployment" x WHERE x."environmentId" = e.id)`);
}
