// Stores JUnit reports of builds. Sending the same report name again for a build replaces its
// results, so a CI retry of the upload step never double counts. Many reports go in one
// transaction with bulk inserts (the demo loads a thousand; the API sends one).
import type { Db } from "../db/client.ts";
import { KeelError } from "../errors.ts";
import { bulkInsert, testCaseColumns, testResultColumns } from "../db/queries/bulkInsert.ts";
import { pairsOfReports, refreshFlakyFailures } from "../db/queries/costs/flakyFailures.ts";
import { updateFlakyStates } from "../db/queries/costs/flakyStates.ts";
import { testIdentityKey } from "../ingest/junit/testIdentity.ts";
import type { ParsedReport, TestExecution } from "../ingest/junit/types.ts";

export type TestReportSummary = ParsedReport["summary"];
export interface TestReportInput {
  buildId: string;
  name: string;
  report: ParsedReport;
}

const CHUNK = 5_000;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

export async function recordTestReport({ db, input }: { db: Db; input: TestReportInput }): Promise<TestReportSummary> {
  await recordTestReports({ db, input: [input] });
  return input.report.summary;
}

export async function recordTestReports({ db, input }: { db: Db; input: TestReportInput[] }): Promise<void> {
  const buildIds = [...new Set(input.map((r) => r.buildId))];
  const builds = new Map(
    (await db.build.findMany({
      where: { id: { in: buildIds } },
      select: { id: true, commitSha: true, repository: true, pipeline: true, serviceId: true },
    })).map((b) => [b.id, b]),
  );
  const missing = buildIds.find((id) => !builds.has(id));
  if (missing) throw new KeelError("NOT_FOUND", `Build ${missing} does not exist. Send the build event first.`);
  const serviceIds = [...new Set([...builds.values()].flatMap((b) => (b.serviceId ? [b.serviceId] : [])))];
  const slugs = new Map((await db.service.findMany({ where: { id: { in: serviceIds } }, select: { id: true, slug: true } })).map((s) => [s.id, s.slug]));

  // One test is one row across builds: identified within its service (else repository, else pipeline).
  const keyed = input.map(({ buildId, report }) => {
    const build = builds.get(buildId)!;
    const scope = (build.serviceId ? slugs.get(build.serviceId) : undefined) ?? build.repository ?? build.pipeline;
    return report.executions.map((e) => ({ key: testIdentityKey(scope, e.suite, e.name, e.variant), e, build }));
  });
  const cases = new Map<string, { e: TestExecution; serviceId: string | null; repository: string | null }>();
  for (const rows of keyed) for (const { key, e, build } of rows) cases.set(key, { e, serviceId: build.serviceId, repository: build.repository });

  await db.$transaction(
    async (tx) => {
      // The tests of replaced reports may stop being flaky: their pairs are recomputed below.
      const replacedPairs = await pairsOfReports(tx, input.map(({ buildId, name }) => ({ buildId, name })));
      for (const { buildId, name } of input) await tx.testReport.deleteMany({ where: { buildId, name } });
      const saved = await tx.testReport.createManyAndReturn({
        data: input.map(({ buildId, name, report }) => ({ buildId, name, ...report.summary })),
        select: { id: true, buildId: true, name: true },
      });
      const reportIds = new Map(saved.map((r) => [`${r.buildId}\u0000${r.name}`, r.id]));
      const newCases = [...cases].map(([key, { e, serviceId, repository }]) => ({ key, serviceId, repository, suite: e.suite, name: e.name, variant: e.variant }));
      await bulkInsert(tx, "TestCase", testCaseColumns, newCases, { onConflictDoNothing: true });
      const caseIds = new Map<string, number>();
      for (const keys of chunks([...cases.keys()])) {
        for (const row of await tx.testCase.findMany({ where: { key: { in: keys } }, select: { id: true, key: true } })) caseIds.set(row.key, row.id);
      }
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
      await bulkInsert(tx, "TestResult", testResultColumns, results);
      // Incremental flaky detection: only the (test, sha) pairs these reports touch.
      await refreshFlakyFailures(tx, buildIds, replacedPairs);
      // The rollups the cost views read (outage flags, broken pairs, flaky test states).
      await updateFlakyStates(tx, buildIds, replacedPairs);
    },
    { timeout: 300_000, maxWait: 60_000 },
  );
}
