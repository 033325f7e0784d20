// Stores one JUnit report of a build. Sending the same report name again replaces its results, so
// a CI retry of the upload step never double counts.
import type { Db } from "../db/client.ts";
import { KeelError } from "../errors.ts";
import { testIdentityKey } from "../ingest/junit/testIdentity.ts";
import type { ParsedReport } from "../ingest/junit/types.ts";

export type TestReportSummary = ParsedReport["summary"];

export async function recordTestReport({
  db,
  input,
}: {
  db: Db;
  input: { buildId: string; name: string; report: ParsedReport };
}): Promise<TestReportSummary> {
  const { buildId, name, report } = input;
  const build = await db.build.findUnique({
    where: { id: buildId },
    select: { id: true, commitSha: true, repository: true, pipeline: true, serviceId: true },
  });
  if (!build) throw new KeelError("NOT_FOUND", `Build ${buildId} does not exist. Send the build event first.`);
  const service = build.serviceId ? await db.service.findUnique({ where: { id: build.serviceId }, select: { slug: true } }) : null;
  // One test is one row across builds: identified within its service (else repository, else pipeline).
  const scope = service?.slug ?? build.repository ?? build.pipeline;

  await db.$transaction(
    async (tx) => {
      await tx.testReport.deleteMany({ where: { buildId, name } });
      const saved = await tx.testReport.create({ data: { buildId, name, ...report.summary }, select: { id: true } });
      const keyOf = report.executions.map((e) => testIdentityKey(scope, e.suite, e.name, e.variant));
      const cases = new Map<string, (typeof report.executions)[number]>();
      report.executions.forEach((e, i) => cases.set(keyOf[i] as string, e));
      const keys = [...cases.keys()];
      for (let i = 0; i < keys.length; i += 5_000) {
        const chunk = keys.slice(i, i + 5_000);
        await tx.testCase.createMany({
          data: chunk.map((key) => {
            const e = cases.get(key)!;
            return { key, serviceId: build.serviceId, repository: build.repository, suite: e.suite, name: e.name, variant: e.variant };
          }),
          skipDuplicates: true,
        });
      }
      const ids = new Map<string, number>();
      for (let i = 0; i < keys.length; i += 5_000) {
        const rows = await tx.testCase.findMany({ where: { key: { in: keys.slice(i, i + 5_000) } }, select: { id: true, key: true } });
        for (const row of rows) ids.set(row.key, row.id);
      }
      const results = report.executions.map((e, i) => ({
        reportId: saved.id,
        testCaseId: ids.get(keyOf[i] as string) as number,
        buildId,
        commitSha: build.commitSha,
        status: e.status,
        durationMs: e.durationMs,
        retry: e.retry,
      }));
      for (let i = 0; i < results.length; i += 5_000) await tx.testResult.createMany({ data: results.slice(i, i + 5_000) });
    },
    { timeout: 300_000, maxWait: 60_000 },
  );
  return report.summary;
}
