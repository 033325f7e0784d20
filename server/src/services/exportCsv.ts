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
import { csvLine, type CsvValue } from "../reports/csv.ts";
import { modelUsed, prepareCostContext, type CostContext } from "./costs/costContext.ts";
import { getFlakyTests } from "./getFlakyTests.ts";

type Write = (chunk: string) => void | Promise<void>;

export interface CsvExport {
  filename: string;
  /** Writes the header and every row. */
  run(write: Write): Promise<void>;
}

/** A CSV's columns in order: the header is their names, a row their values by name (so the two cannot drift). */
function csvColumns<K extends string>(...names: K[]): { header: string; row: (values: Readonly<Record<K, CsvValue>>) => string } {
  return { header: csvLine(names), row: (values) => csvLine(names.map((name) => values[name])) };
}

const DEPLOYMENT_CSV = csvColumns(
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
);
const INCIDENT_CSV = csvColumns(
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
);
const CHANGE_CSV = csvColumns(
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
);
const FLAKY_TEST_CSV = csvColumns(
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
);

async function deployments(db: Db, ctx: CostContext, write: Write): Promise<void> {
  const failed = await failedDeploymentsOfWindow(db, ctx.q);
  await write(DEPLOYMENT_CSV.header);
  let after: { finishedAt: Date; id: string } | null = null;
  for (;;) {
    const page = await deploymentPage(db, ctx.q, after);
    for (const d of page) await write(DEPLOYMENT_CSV.row({ ...d, changeFailure: failed.has(d.id) }));
    const last = page[page.length - 1];
    if (page.length < EXPORT_PAGE || !last) return;
    after = { finishedAt: last.finishedAt, id: last.id };
  }
}

async function incidents(db: Db, ctx: CostContext, write: Write): Promise<void> {
  await write(INCIDENT_CSV.header);
  const version = modelUsed(ctx, []).label;
  for (const i of await incidentsOfWindow(db, ctx.q)) {
    const m = inputsFor(ctx.model, i.teamId);
    const responders = i.responders ?? m.incidentResponders;
    const counted = i.attributed && i.resolvedAt !== null && i.resolvedAt >= ctx.window.from && i.resolvedAt < ctx.window.to;
    const hours = counted ? i.cappedHoursPerResponder * responders : null;
    await write(
      INCIDENT_CSV.row({
        id: i.id,
        service: i.serviceSlug,
        severity: i.severity,
        title: i.title,
        openedAt: i.openedAt,
        resolvedAt: i.resolvedAt,
        recoveryHours: i.recoveryHours,
        responders,
        respondersFromCostModel: i.responders === null,
        causedByDeploymentId: i.causedByDeploymentId,
        causedByCommitSha: i.causedByCommitSha,
        notCausedByChange: i.notCausedByChange,
        changeFailure: i.attributed,
        hoursLostIfResolvedInWindow: hours,
        costUsd: hours === null ? null : cents(hours * m.loadedHourlyRateUsd),
        costModelVersion: version,
      }),
    );
  }
}

async function changes(db: Db, ctx: CostContext, write: Write): Promise<void> {
  await write(CHANGE_CSV.header);
  let after: { committedAt: Date; id: string } | null = null;
  for (;;) {
    const page = await changePage(db, ctx.q, after);
    for (const c of page) await write(CHANGE_CSV.row({ ...c, labels: c.labels.join(";") }));
    const last = page[page.length - 1];
    if (page.length < EXPORT_PAGE || !last) return;
    after = { committedAt: last.committedAt, id: last.id };
  }
}

async function flakyTests(db: Db, input: CostFiltersData, now: Date | undefined, write: Write): Promise<void> {
  const result = await getFlakyTests({ db, input: { ...input, limit: Number.MAX_SAFE_INTEGER }, now });
  await write(FLAKY_TEST_CSV.header);
  // A page of lines per write (one socket write and back-pressure check per page, not per line).
  for (let i = 0; i < result.tests.length; i += EXPORT_PAGE) {
    const lines = result.tests.slice(i, i + EXPORT_PAGE).map((t) => FLAKY_TEST_CSV.row({ ...t, costModelVersion: result.costModel.label }));
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
