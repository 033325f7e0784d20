// One sync of one connection: claim it, open its token, run its connector with a context that stores
// records through the idempotent ingestion REST events use, keep progress and cursors, and leave the
// connection idle (or failed, with the error in words). Cursors make a killed sync resume.
import { AnyEvent, type AnyEventData, type AnyEventInput, type ConnectionCounts } from "@keel/shared";
import type { Db } from "../db/client.ts";
import type { Logger } from "../logger.ts";
import type { SecretBox } from "../services/secrets/secretBox.ts";
import { recordEvents } from "../services/recordEvents.ts";
import { recordTestReports } from "../services/recordTestReport.ts";
import type { GithubConfig, GitlabConfig, PagerdutyConfig } from "../services/connections/connectionView.ts";
import { ClaimLostError, claimConnection, releaseClaim, renewClaim } from "./claim.ts";
import { readCursor, writeCursor } from "./cursor.ts";
import { syncGithub } from "./github/sync.ts";
import { syncGitlab } from "./gitlab/sync.ts";
import { syncPagerduty } from "./pagerduty/sync.ts";
import { describeSyncError } from "./syncError.ts";
import { SyncProgress } from "./progress.ts";
import type { Clock, SyncContext } from "./types.ts";

export interface SyncFinished {
  connectionId: string;
  kind: string;
  outcome: "success" | "failure";
  ms: number;
}

export interface RunOptions {
  db: Db;
  secrets: SecretBox;
  logger: Logger;
  clock: Clock;
  /** This server's name in claims. */
  owner: string;
  signal?: AbortSignal | undefined;
  /** Called once per finished sync (the metrics' one call site: recordSyncRun(kind, outcome)). */
  onSyncFinished?: ((run: SyncFinished) => void) | undefined;
}

/** Runs the connection's sync if this server can claim it; false when another holds it. */
export async function runConnectionSync(options: RunOptions, connectionId: string): Promise<boolean> {
  const { db, clock, owner, logger } = options;
  if (!(await claimConnection(db, connectionId, owner, new Date(clock.now())))) return false;
  const row = await db.connection.findUnique({ where: { id: connectionId } });
  if (!row) return false;
  const started = clock.now();
  const progress = new SyncProgress(new Date(started));
  const signal = options.signal ?? new AbortController().signal;
  const log = logger.child({ connection: connectionId, kind: row.kind });
  let savedAt = started;
  const context: SyncContext = {
    clock,
    signal,
    async record(inputs) {
      const events = validEvents(inputs, log);
      progress.records += inputs.length;
      if (events.length === 0) return { accepted: 0, created: 0, updated: 0, unchanged: 0 };
      return recordEvents({ db, events, source: `connection:${row.kind}` });
    },
    counted(type, n) {
      progress.created[type] += n;
    },
    async testReport(buildId, name, report) {
      // Read again (a second sync, another connection to the project), the same report changes nothing.
      const stored = await db.testReport.findUnique({ where: { buildId_name: { buildId, name } } });
      const { tests, passed, failed, errors, skipped, flakyRetries } = report.summary;
      if (
        stored &&
        JSON.stringify([tests, passed, failed, errors, skipped, flakyRetries]) ===
          JSON.stringify([stored.tests, stored.passed, stored.failed, stored.errors, stored.skipped, stored.flakyRetries])
      )
        return;
      await recordTestReports({ db, input: [{ buildId, name, report }] });
    },
    cursor: (resource) => readCursor(db, connectionId, resource),
    saveCursor: (resource, value) => writeCursor(db, connectionId, resource, value),
    async page(resource) {
      signal.throwIfAborted();
      if (progress.resource !== resource) progress.walk = null;
      progress.resource = resource;
      progress.pages += 1;
      savedAt = clock.now();
      await renewClaim(db, connectionId, owner, new Date(savedAt), progress.view());
    },
    async reached(resource, from, at) {
      signal.throwIfAborted();
      const same = progress.resource === resource && progress.walk?.from === from;
      progress.resource = resource;
      progress.walk = { from, reached: at, startedAt: same && progress.walk ? progress.walk.startedAt : new Date(clock.now()).toISOString() };
      // Between pages a walk can take minutes (a deployment's commits and pull requests): saved when
      // it starts, then often enough for the CLI's bar, not on every record.
      if (same && clock.now() - savedAt < 1_000) return;
      savedAt = clock.now();
      await renewClaim(db, connectionId, owner, new Date(savedAt), progress.view());
    },
    rateLimitWait(ms) {
      progress.rateLimitWaits += 1;
      log.info({ waitMs: ms, resource: progress.resource }, "rate limited: waiting, then continuing");
    },
  };
  let outcome: SyncFinished["outcome"] = "success";
  try {
    const token = options.secrets.open(row.sealedToken);
    await syncConnector(row.kind, row.config, token, context);
    await releaseClaim(db, connectionId, owner, {
      status: "idle",
      lastSyncAt: new Date(clock.now()),
      lastError: null,
      progress: { ...progress.view(), resource: null },
      counts: progress.countsAfter(row.counts as ConnectionCounts) as object,
    });
    log.info({ pages: progress.pages, records: progress.records, rateLimitWaits: progress.rateLimitWaits, ms: clock.now() - started }, "connection synced");
  } catch (error) {
    outcome = "failure";
    if (error instanceof ClaimLostError) {
      log.warn("connection sync stopped: " + error.message);
    } else {
      const lastError = describeSyncError(error, signal);
      // What was stored before the failure stays, and is counted.
      await releaseClaim(db, connectionId, owner, {
        status: "failed",
        lastError,
        progress: progress.view() as object,
        counts: progress.countsAfter(row.counts as ConnectionCounts) as object,
      });
      log.warn({ lastError }, "connection sync failed");
    }
  }
  options.onSyncFinished?.({ connectionId, kind: row.kind, outcome, ms: clock.now() - started });
  return true;
}

/** The connector of the connection's kind. */
async function syncConnector(kind: string, config: unknown, token: string, context: SyncContext): Promise<void> {
  switch (kind) {
    case "github":
      return syncGithub(config as GithubConfig, token, context);
    case "gitlab":
      return syncGitlab(config as GitlabConfig, token, context);
    case "pagerduty":
      return syncPagerduty(config as PagerdutyConfig, token, context);
    default:
      throw new Error(`Keel cannot sync ${kind} connections yet.`);
  }
}

/** Events as REST would accept them; one a connector mapped wrongly is logged and left out. */
function validEvents(inputs: AnyEventInput[], log: Logger): AnyEventData[] {
  const events: AnyEventData[] = [];
  for (const input of inputs) {
    const parsed = AnyEvent.safeParse(input);
    if (parsed.success) events.push(parsed.data);
    else log.warn({ type: input.type, fields: parsed.error.issues.map((i) => i.path.join(".")) }, "left out a record Keel cannot store");
  }
  return events;
}
