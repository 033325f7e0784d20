// Stores JUnit reports of builds. Sending the same report name again for a build replaces its
// results, so a CI retry of the upload step never double counts. Many reports go in one
// transaction with bulk inserts (the demo loads a thousand; the API sends one), written in bounded
// statements so that a large report never holds the main thread for long.
import type { Db } from "../db/client.ts";
import { KeelError } from "../errors.ts";
import { bulkInsert, testResultColumns } from "../db/queries/bulkInsert.ts";
import { pairsOfOtherReports, pairsOfReports, refreshFlakyFailures, type TestShaPair } from "../db/queries/costs/flakyFailures.ts";
import { updateFlakyStates, updateOutageFlags } from "../db/queries/costs/flakyStates.ts";
import { testCaseIds } from "../db/queries/testCaseIds.ts";
import { withConflictRetry } from "../db/retry.ts";
import { recordEventsIngested } from "./signals.ts";
import { inPieces, letOthersIn } from "./inPieces.ts";
import { testIdentityHash, testIdentityKey } from "../ingest/junit/testIdentity.ts";
import type { ParsedReport, TestExecution } from "../ingest/junit/types.ts";

export type TestReportSummary = ParsedReport["summary"];
export interface TestReportInput {
  buildId: string;
  name: string;
  report: ParsedReport;
}

/** Executions keyed per turn of the event loop (pure JS, cheap per row). */
const KEY_PIECE = 5_000;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function recordTestReport({ db, input }: { db: Db; input: TestReportInput }): Promise<TestReportSummary> {
  await recordTestReports({ db, input: [input] });
  return input.report.summary;
}

export async function recordTestReports({ db, input }: { db: Db; input: TestReportInput[] }): Promise<void> {
  const buildIds = [...new Set(input.map((r) => r.buildId))];
  const builds = new Map(
    (
      await db.build.findMany({
        where: { id: { in: buildIds } },
        select: { id: true, commitSha: true, repository: true, pipeline: true, serviceId: true },
      })
    ).map((b) => [b.id, b]),
  );
  const missing = buildIds.find((id) => !builds.has(id));
  if (missing) throw new KeelError("NOT_FOUND", `Build ${missing} does not exist. Send the build event first.`);
  const serviceIds = [...new Set([...builds.values()].flatMap((b) => (b.serviceId ? [b.serviceId] : [])))];
  const slugs = new Map((await db.service.findMany({ where: { id: { in: serviceIds } }, select: { id: true, slug: true } })).map((s) => [s.id, s.slug]));

  // One test is one row across builds: identified within its service (else repository, else
  // pipeline). Keys are computed a piece at a time: normalising 200,000 names is seconds of work.
  type Build = NonNullable<ReturnType<typeof builds.get>>;
  const keyed: { key: string; e: TestExecution; build: Build }[][] = [];
  const cases = new Map<string, { e: TestExecution; serviceId: string | null; repository: string | null }>();
  for (const { buildId, report } of input) {
    const build = builds.get(buildId)!;
    const scope = (build.serviceId ? slugs.get(build.serviceId) : undefined) ?? build.repository ?? build.pipeline;
    const rows: { key: string; e: TestExecution; build: Build }[] = [];
    for (const piece of chunks(report.executions, KEY_PIECE)) {
      for (const e of piece) {
        const key = testIdentityKey(scope, e.suite, e.name, e.variant);
        rows.push({ key, e, build });
        cases.set(key, { e, serviceId: build.serviceId, repository: build.repository });
      }
      if (piece.length === KEY_PIECE) await letOthersIn();
    }
    keyed.push(rows);
  }

  // One transaction: a report is stored whole or not at all. Conflicts with a concurrent upload
  // on PostgreSQL (deadlock, serialization failure) run it again.
  await withConflictRetry(() =>
    db.$transaction(
      async (tx) => {
        // The tests of replaced reports may stop being flaky: their pairs are recomputed below.
        const replacedPairs = await pairsOfReports(
          tx,
          input.map(({ buildId, name }) => ({ buildId, name })),
        );
        for (const { buildId, name } of input) await tx.testReport.deleteMany({ where: { buildId, name } });
        const saved = await tx.testReport.createManyAndReturn({
          data: input.map(({ buildId, name, report }) => ({ buildId, name, ...report.summary })),
          select: { id: true, buildId: true, name: true },
        });
        const reportIds = new Map(saved.map((r) => [`${r.buildId}\u0000${r.name}`, r.id]));
        // Identity is the hash of the key: a key may be longer than a b-tree index entry holds.
        const newCases = [...cases]
          .map(([key, { e, serviceId, repository }]) => ({
            key,
            keyHash: testIdentityHash(key),
            serviceId,
            repository,
            suite: e.suite,
            name: e.name,
            variant: e.variant,
          }))
          .sort((a, b) => (a.keyHash < b.keyHash ? -1 : a.keyHash > b.keyHash ? 1 : 0));
        const caseIds = new Map<string, number>();
        // Every write below goes in pieces (inPieces.ts): the embedded database runs each statement
        // on the main thread, and other requests get their turn between two pieces.
        await inPieces(newCases, async (piece) => {
          for (const [key, id] of await testCaseIds(tx, piece)) caseIds.set(key, id);
        });
        const results = input.flatMap(({ buildId, name }, i) =>
          (keyed[i] ?? []).map(({ key, e, build }) => ({
            reportId: reportIds.get(`${buildId}\u0000${name}`)!,
            testCaseId: caseIds.get(key)!,
            buildId,
            commitSha: build.commitSha,
            status: e.status,
            durationMs: e.durationMs,
            retry: e.retry,
          })),
        );
        await inPieces(results, async (piece) => {
          await bulkInsert(tx, "TestResult", testResultColumns, piece);
        });
        // Incremental flaky detection: only the (test, sha) pairs these reports touch, which are
        // every test with results in these builds (a new report can make its build an outage, or
        // stop it being one) and the tests of the reports they replaced.
        // This upload's own pairs are known here; only other reports of the builds are read (one
        // statement returning 200,000 rows held the main thread for over a second).
        const pairs = new Map<string, TestShaPair>();
        const add = (p: TestShaPair) => pairs.set(`${p.testCaseId}\u0000${p.commitSha}`, p);
        for (const r of results) add(r);
        for (const p of await pairsOfOtherReports(tx, buildIds, [...reportIds.values()])) add(p);
        for (const p of replacedPairs) add(p);
        const touched = [...pairs.values()].map(({ testCaseId, commitSha }) => ({ testCaseId, commitSha }));
        await inPieces(touched, (piece) => refreshFlakyFailures(tx, [], piece));
        // The rollups the cost views read (outage flags, broken pairs, flaky test states).
        await updateOutageFlags(tx, buildIds);
        await inPieces(touched, (piece) => updateFlakyStates(tx, piece));
      },
      { timeout: 600_000, maxWait: 60_000 },
    ),
  );
  recordEventsIngested(
    db,
    input.map(() => "test_report"),
  );
}
