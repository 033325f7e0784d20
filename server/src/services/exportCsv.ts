// CSV exports (api.md GET /api/v1/export/{deployments|incidents|changes|flaky-tests}.csv) with the
// same filters as the metrics. Written through `write` a page at a time: constant memory.
// deployments: every deployment to the environment finished in the window, with changeFailure
//   (the DORA engine's attribution, successful deployments only);
// incidents: opened or resolved in the window, or open across it, with attribution and hours lost;
// changes: committed in the window, with category and where it came from;
// flaky-tests: every test with a flaky failure in the window, as GET /metrics/flaky-tests.
import type { CostFiltersData, ExportKindValue } from "@keel/shared";
import type { Db } from "../db/client.ts";
import { incidentsOfWindow } from "../db/queries/costs/changeFailureHours.ts";
import { changePage, deploymentPage, EXPORT_PAGE, failedDeploymentsOfWindow } from "../db/queries/costs/exports.ts";
import { inputsFor } from "../metrics/costModel.ts";
import { cents } from "../metrics/money.ts";
import { csvLine } from "../reports/csv.ts";
import { modelUsed, prepareCostContext, type CostContext } from "./costs/costContext.ts";
import { getFlakyTests } from "./getFlakyTests.ts";

type Write = (chunk: string) => void | Promise<void>;

export interface CsvExport {
  filename: string;
  /** Writes the header and every row. */
  run(write: Write): Promise<void>;
}

async function deployments(db: Db, ctx: CostContext, write: Write): Promise<void> {
  const failed = await failedDeploymentsOfWindow(db, ctx.q);
  await write(
    csvLine([
      "id",
      "service",
      "team",
      "environment",
      "status",
      "kind",
      "startedAt",
      "finishedAt",
      "commitSha",
      "repository",
      "rollbackOfDeploymentId",
      "remediatesIncidentId",
      "changes",
      "changeFailure",
      "url",
    ]),
  );
  let after: { finishedAt: Date; id: string } | null = null;
  for (;;) {
    const page = await deploymentPage(db, ctx.q, after);
    for (const d of page) {
      await write(
        csvLine([
          d.id,
          d.service,
          d.team,
          d.environment,
          d.status,
          d.kind,
          d.startedAt,
          d.finishedAt,
          d.commitSha,
          d.repository,
          d.rollbackOfDeploymentId,
          d.remediatesIncidentId,
          d.changes,
          failed.has(d.id),
          d.url,
        ]),
      );
    }
    const last = page[page.length - 1];
    if (page.length < EXPORT_PAGE || !last) return;
    after = { finishedAt: last.finishedAt, id: last.id };
  }
}

async function incidents(db: Db, ctx: CostContext, write: Write): Promise<void> {
  await write(
    csvLine([
      "id",
      "service",
      "severity",
      "title",
      "openedAt",
      "resolvedAt",
      "recoveryHours",
      "responders",
      "respondersFromCostModel",
      "causedByDeploymentId",
      "causedByCommitSha",
      "notCausedByChange",
      "changeFailure",
      "hoursLostIfResolvedInWindow",
      "costUsd",
      "costModelVersion",
    ]),
  );
  const version = modelUsed(ctx, []).label;
  for (const i of await incidentsOfWindow(db, ctx.q)) {
    const m = inputsFor(ctx.model, i.teamId);
    const responders = i.responders ?? m.incidentResponders;
    const counted = i.attributed && i.resolvedAt !== null && i.resolvedAt >= ctx.window.from && i.resolvedAt < ctx.window.to;
    const hours = counted ? i.cappedHoursPerResponder * responders : null;
    await write(
      csvLine([
        i.id,
        i.serviceSlug,
        i.severity,
        i.title,
        i.openedAt,
        i.resolvedAt,
        i.recoveryHours,
        responders,
        i.responders === null,
        i.causedByDeploymentId,
        i.causedByCommitSha,
        i.notCausedByChange,
        i.attributed,
        hours,
        hours === null ? null : cents(hours * m.loadedHourlyRateUsd),
        version,
      ]),
    );
  }
}

async function changes(db: Db, ctx: CostContext, write: Write): Promise<void> {
  await write(
    csvLine([
      "sha",
      "repository",
      "service",
      "team",
      "committedAt",
      "authoredAt",
      "prNumber",
      "prOpenedAt",
      "prMergedAt",
      "category",
      "categorySource",
      "labels",
      "title",
    ]),
  );
  let after: { committedAt: Date; id: string } | null = null;
  for (;;) {
    const page = await changePage(db, ctx.q, after);
    for (const c of page) {
      await write(
        csvLine([
          c.sha,
          c.repository,
          c.service,
          c.team,
          c.committedAt,
          c.authoredAt,
          c.prNumber,
          c.prOpenedAt,
          c.prMergedAt,
          c.category,
          c.categorySource,
          c.labels.join(";"),
          c.title,
        ]),
      );
    }
    const last = page[page.length - 1];
    if (page.length < EXPORT_PAGE || !last) return;
    after = { committedAt: last.committedAt, id: last.id };
  }
}

async function flakyTests(db: Db, input: CostFiltersData, now: Date | undefined, write: Write): Promise<void> {
  const result = await getFlakyTests({ db, input: { ...input, limit: Number.MAX_SAFE_INTEGER }, now });
  await write(
    csvLine([
      "id",
      "service",
      "repository",
      "suite",
      "name",
      "variant",
      "state",
      "flakyFailures",
      "blockingFailures",
      "hoursLost",
      "costUsd",
      "firstSeen",
      "lastSeen",
      "fixDate",
      "fixEffortHours",
      "weeklyHoursLost",
      "paybackWeeks",
      "costModelVersion",
    ]),
  );
  // A page of lines per write (one socket write and back-pressure check per page, not per line).
  for (let i = 0; i < result.tests.length; i += EXPORT_PAGE) {
    const lines = result.tests
      .slice(i, i + EXPORT_PAGE)
      .map((t) =>
        csvLine([
          t.id,
          t.service,
          t.repository,
          t.suite,
          t.name,
          t.variant,
          t.state,
          t.flakyFailures,
          t.blockingFailures,
          t.hoursLost,
          t.costUsd,
          t.firstSeen,
          t.lastSeen,
          t.fixDate,
          t.fixEffortHours,
          t.weeklyHoursLost,
          t.paybackWeeks,
          result.costModel.label,
        ]),
      );
    await write(lines.join(""));
  }
}

export async function exportCsv({ db, input, now }: { db: Db; input: CostFiltersData & { kind: ExportKindValue }; now?: Date }): Promise<CsvExport> {
  // Resolved first, so a bad filter is a 400 before any CSV is sent.
  const ctx = await prepareCostContext({ db, input, now });
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const filename = `${input.kind}-${day(ctx.window.from)}-${day(ctx.window.to)}.csv`;
  const run = async (write: Write) => {
    switch (input.kind) {
      case "deployments":
        return deployments(db, ctx, write);
      case "incidents":
        return incidents(db, ctx, write);
      case "changes":
        return changes(db, ctx, write);
      case "flaky-tests":
        return flakyTests(db, input, now, write);
    }
  };
  return { filename, run };
}
