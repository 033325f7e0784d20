// Removes the demo data set (docs/demo.md "Removing the demo") so an organisation moves from the
// demo to its own data in the same database. One transaction: everything the demo stored goes, or
// nothing does. What the organisation sent stays, with what it uses: a demo record whose stored
// version the organisation sent, a change one of its deployments shipped, and a demo team or
// service its records, tests, goals, subscriptions or cost model refer to. The rollups (lead-time
// deliveries, flaky failures, flaky test states, broken pairs) follow: the first by the database's
// triggers, the others recomputed here for the tests the demo's builds touched. Report caches key on
// the data version (db/queries/dataVersion.ts), so they never answer from the removed data.
import type { Db } from "../db/client.ts";
import { refreshFlakyFailures } from "../db/queries/costs/flakyFailures.ts";
import { updateFlakyStates } from "../db/queries/costs/flakyStates.ts";
import * as demo from "../db/queries/demoRecords.ts";
import { DEMO_ENVIRONMENTS, SERVICES, TEAMS } from "../demo/catalog.ts";
import { recordAudit } from "./auth/audit.ts";
import { inPieces } from "./inPieces.ts";
import type { DemoRemovalData, DemoStatusData } from "@keel/shared/outputs";

// The answers: their schemas in shared/src/outputs/demo.ts are the one definition (OpenAPI, tRPC output).
export type DemoRemoved = DemoRemovalData["removed"];
export type DemoStatus = DemoStatusData;

export const DEMO_LOADED_AT = "demoLoadedAt";
export const DEMO_REMOVED_AT = "demoRemovedAt";

const idsOf = (keys: string[], type: string) => keys.filter((k) => k.startsWith(`${type}:`)).map((k) => k.slice(type.length + 1));

/** "change:<repository>@<sha>": the sha is after the last "@" (a repository may hold one, a sha never). */
function changeRef(key: string) {
  const rest = key.slice("change:".length);
  const at = rest.lastIndexOf("@");
  return { repository: rest.slice(0, at), sha: rest.slice(at + 1) };
}

async function settingTime(db: Db, key: string): Promise<string | null> {
  const row = await db.setting.findUnique({ where: { key } });
  return typeof row?.value === "string" ? row.value : null;
}

export async function getDemoStatus({ db }: { db: Db }): Promise<DemoStatus> {
  const [loadedAt, removedAt, stored] = await Promise.all([settingTime(db, DEMO_LOADED_AT), settingTime(db, DEMO_REMOVED_AT), demo.hasDemoRawEvents(db)]);
  return { loaded: stored && removedAt === null, loadedAt, removedAt };
}

export async function removeDemo({
  db,
  now,
  audit,
}: {
  db: Db;
  now: Date;
  /** Who asked, for the audit log (written in the same transaction, with the counts). */
  audit: { actor: string; ip?: string | undefined };
}): Promise<{ removed: DemoRemoved }> {
  const removed = await db.$transaction(
    async (tx) => {
      const keys = await demo.demoEventKeys(tx);
      const deploymentIds = idsOf(keys, "deployment");
      const buildIds = idsOf(keys, "build");
      const changeKeys = keys.filter((k) => k.startsWith("change:"));
      const candidates = await demo.candidateChanges(tx, changeKeys.map(changeRef), deploymentIds);
      const pairs = await demo.testPairsOfBuilds(tx, buildIds);
      const tests = await demo.countReportsOfBuilds(tx, buildIds);

      let deployments = 0;
      let builds = 0;
      // In pieces: on the embedded database each statement holds the main thread (inPieces.ts).
      await inPieces(deploymentIds, async (piece) => void (deployments += await demo.deleteById(tx, "Deployment", piece)));
      const incidents = await demo.deleteById(tx, "Incident", idsOf(keys, "incident"));
      await inPieces(buildIds, async (piece) => void (builds += await demo.deleteById(tx, "Build", piece)));
      const changes = await demo.deleteUnusedChanges(tx, candidates, changeKeys);

      // The organisation's results of a test the demo also ran stay: recompute their flaky rollups.
      await inPieces(pairs, (piece) => refreshFlakyFailures(tx, [], piece));
      await inPieces(pairs, (piece) => updateFlakyStates(tx, piece));
      const testCases = await demo.deleteTestCasesWithoutResults(tx, [...new Set(pairs.map((p) => p.testCaseId))]);

      // A record removed forgets its versions: the same payload sent later by the organisation is new.
      await demo.deleteEventStates(tx, [...keys.filter((k) => !k.startsWith("change:")), ...changes.keys]);
      const rawEvents = await demo.deleteDemoRawEvents(tx);
      const services = await demo.deleteUnusedServices(
        tx,
        SERVICES.map((s) => s.slug),
      );
      const teams = await demo.deleteUnusedTeams(
        tx,
        TEAMS.map((t) => t.slug),
      );
      const environments = await demo.deleteUnusedEnvironments(tx, [...DEMO_ENVIRONMENTS]);
      const counts: DemoRemoved = {
        deployments,
        changes: changes.removed,
        incidents,
        builds,
        testReports: tests.reports,
        testResults: tests.results,
        testCases,
        rawEvents,
        services,
        teams,
        environments,
      };
      // The first removal's time stays; it also keeps a restart from loading the demo again (loadDemo.ts).
      await tx.setting.upsert({ where: { key: DEMO_REMOVED_AT }, create: { key: DEMO_REMOVED_AT, value: now.toISOString() }, update: {} });
      await recordAudit({ db: tx, input: { ...audit, action: "demo.remove", target: "organisation", changes: { ...counts } } });
      return counts;
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
  return { removed };
}
