// `keel backfill github|gitlab|pagerduty ...`: brings a repository's, project's or PagerDuty's history in
// through the same connection and sync the server runs (docs/connections.md).
// It reuses the connection with the same settings (or creates one), starts its sync, shows the
// sync's progress on stderr, and exits 0 when the sync ends idle, 1 with its error in words when it
// fails. Where the work is done follows adminTarget.ts: a running Keel over its API, or the database.
import { parseArgs } from "node:util";
import { hostname } from "node:os";
import { ConnectionCreate, issueDetails, type ConnectionCreateData, type ConnectionView } from "@keel/shared";
import type { Db } from "../db/client.ts";
import { parseEnv } from "../env.ts";
import { createLogger } from "../logger.ts";
import { runConnectionSync } from "../connections/run.ts";
import { realClock } from "../connections/types.ts";
import { audited } from "../services/auth/audit.ts";
import { auditedFields, createConnection, getConnection, listConnections, requestSync } from "../services/connections/manageConnections.ts";
import { secretBoxFor } from "../services/secrets/secretBox.ts";
import { adminConnectionOptions, runAdmin } from "./adminTarget.ts";
import { countOf } from "@keel/shared/numbers";
import { countsLine, progressLine } from "./backfillProgress.ts";
import { CliFailure, UsageError } from "./errors.ts";

export const backfillUsage = `keel backfill github --repo owner/name [--repo ...] [--since 2026-01-01] [--api-url URL] [--environment production]
    bring a repository's history in (token from GITHUB_TOKEN) and show the sync's progress
keel backfill gitlab --project group/name [--project ...] [--since 2026-01-01] [--api-url URL] [--environment production]
    the same for GitLab projects (paths or numeric ids; token from GITLAB_TOKEN)
keel backfill pagerduty [--service PXXXXXX ...] [--since 2026-01-01] [--api-url URL]
    bring PagerDuty's incidents in (token from PAGERDUTY_TOKEN; every service unless named)`;

const POLL_MS = 500;

/**
 * Each source a backfill reads: its list flag, the create field that flag fills, whether the list may
 * be empty (PagerDuty: every service), whether it has a deployment environment, and its token's variable.
 */
const SOURCES = {
  github: {
    flag: "repo",
    field: "repositories",
    tokenVariable: "GITHUB_TOKEN",
    example: "owner/name",
    what: "repositories",
    optional: false,
    environment: true,
  },
  gitlab: { flag: "project", field: "projects", tokenVariable: "GITLAB_TOKEN", example: "group/name", what: "projects", optional: false, environment: true },
  pagerduty: {
    flag: "service",
    field: "services",
    tokenVariable: "PAGERDUTY_TOKEN",
    example: "PIJ90N7",
    what: "incidents",
    optional: true,
    environment: false,
  },
} as const;
type SourceKind = keyof typeof SOURCES;

interface Values {
  list?: string[] | undefined;
  since?: string | undefined;
  "api-url"?: string | undefined;
  environment?: string | undefined;
}

function parseInput(kind: SourceKind, values: Values) {
  const source = SOURCES[kind];
  const token = process.env[source.tokenVariable];
  if (!token) throw new UsageError(`set ${source.tokenVariable} to a token that can read the ${source.what}`);
  if (!source.optional && !values.list?.length) throw new UsageError(`name one: --${source.flag} ${source.example} (repeat it for more)`);
  const parsed = ConnectionCreate.safeParse({
    kind,
    token,
    [source.field]: values.list ?? [],
    ...(values.since === undefined ? {} : { since: values.since }),
    ...(values["api-url"] === undefined ? {} : { apiUrl: values["api-url"] }),
    ...(values.environment === undefined || !source.environment ? {} : { environment: values.environment }),
  });
  if (parsed.success) return parsed.data;
  const flags: Record<string, string> = {
    [source.field]: `--${source.flag}`,
    apiUrl: "--api-url",
    since: "--since",
    environment: "--environment",
    token: source.tokenVariable,
  };
  throw new UsageError(
    issueDetails(parsed.error, [])
      .map((d) => `${flags[d.path.split(/[.[]/)[0] ?? ""] ?? d.path}: ${d.message}`)
      .join("; "),
  );
}

/** The projects, repositories or services a connection (or its create input) names. */
const targetsOf = (c: ConnectionView | ConnectionCreateData): string[] =>
  "projects" in c && c.projects ? c.projects : c.kind === "pagerduty" ? ("services" in c ? c.services : []) : "repositories" in c ? c.repositories : [];

/** What a connection reads, in words: "acme/checkout", "PagerDuty PIJ90N7" or "PagerDuty (every service)". */
function connectionName(view: ConnectionView): string {
  if (view.kind === "pagerduty") return `PagerDuty ${view.services.length ? view.services.join(", ") : "(every service)"}`;
  return view.repositories.join(", ");
}

/** The connection a backfill reuses: same kind, API, repositories, projects or services (in any order), environment and since. */
function sameSettings(view: ConnectionView, input: ConnectionCreateData): boolean {
  const sorted = (list: string[]) =>
    [...list]
      .map((r) => r.toLowerCase())
      .sort()
      .join(",");
  return (
    view.kind === input.kind &&
    view.apiUrl === (input.apiUrl ?? null) &&
    sorted(targetsOf(view)) === sorted(targetsOf(input)) &&
    view.environment === ("environment" in input ? input.environment : null) &&
    view.since === (input.since ?? null)
  );
}

/** Shows each new progress line on stderr: rewritten in place on a terminal, one line each otherwise. */
function progressWriter() {
  const tty = process.stderr.isTTY;
  let last = "";
  return {
    show(line: string) {
      if (line === last) return;
      last = line;
      process.stderr.write(tty ? `\r\u001b[2K${line}` : `${line}\n`);
    },
    end() {
      if (tty && last) process.stderr.write("\n");
    },
  };
}

/**
 * Polls the connection, showing its progress, until its sync has run: nothing asked for and not
 * syncing (a server's schedule runs it), or `settled` (this process ran it). Its last view.
 */
async function follow(read: () => Promise<ConnectionView>, settled: () => boolean = () => false): Promise<ConnectionView> {
  const writer = progressWriter();
  try {
    for (;;) {
      const finished = settled();
      const view = await read();
      if (finished || (view.status !== "syncing" && !view.syncRequested)) return view;
      writer.show(view.status === "syncing" ? progressLine(view.progress, Date.now()) : progressLine(null, Date.now()));
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    writer.end();
  }
}

function outcome(view: ConnectionView, created: boolean, startedAt: number): string {
  if (view.status === "failed") throw new CliFailure(`the sync of ${connectionName(view)} failed: ${view.lastError ?? "no reason given"}`);
  const p = view.progress;
  const pages = p ? `; ${countOf(p.pages, "page")}, ${countOf(p.records, "record")}, ${countOf(p.rateLimitWaits, "rate-limit wait")}` : "";
  return [
    `Synced ${connectionName(view)} (${created ? "new" : "existing"} connection ${view.id}) in ${((Date.now() - startedAt) / 1000).toFixed(1)}s${pages}.`,
    `Brought in so far: ${countsLine(view.counts)}.`,
  ].join("\n");
}

async function direct(db: Db, actor: string, input: ConnectionCreateData, startedAt: number): Promise<string> {
  const env = parseEnv();
  const secrets = secretBoxFor({ secretKey: env.KEEL_SECRET_KEY, dataDir: env.DATABASE_URL ? undefined : env.KEEL_DATA_DIR });
  let view = (await listConnections({ db })).connections.find((c) => sameSettings(c, input));
  const created = !view;
  view ??= await audited({ db, input: { actor, action: "connection.create", target: input.kind, changes: auditedFields(input) } }, () =>
    createConnection({ db, secrets, input }),
  );
  const id = view.id;
  if (!created) await audited({ db, input: { actor, action: "connection.sync", target: id, changes: {} } }, () => requestSync({ db, id }));
  // On stderr, and quiet unless asked: the outcome below already says a failure in words.
  const logger = createLogger(env.LOG_LEVEL === "info" ? "error" : env.LOG_LEVEL, process.stderr);
  const owner = `${actor}@${hostname()}:${process.pid}`;
  let settled = false;
  const run = runConnectionSync({ db, secrets, logger, clock: realClock, owner }, id).finally(() => {
    settled = true;
  });
  const last = await follow(
    () => getConnection({ db, id }),
    () => settled,
  );
  if (!(await run)) throw new CliFailure(`another Keel server is syncing connection ${id}; its progress is on the Data sources page`);
  return outcome(last, created, startedAt);
}

export async function backfill(args: string[], out: (line: string) => void): Promise<number> {
  const [kind, ...rest] = args;
  if (kind !== "github" && kind !== "gitlab" && kind !== "pagerduty")
    throw new UsageError(`say which source: keel backfill github, keel backfill gitlab or keel backfill pagerduty`);
  const flag = SOURCES[kind].flag;
  const { values } = parseArgs({
    args: rest,
    options: {
      ...adminConnectionOptions,
      [flag]: { type: "string", multiple: true },
      since: { type: "string" },
      "api-url": { type: "string" },
      environment: { type: "string" },
    },
  });
  const input = parseInput(kind, { ...values, list: (values as Record<string, unknown>)[flag] as string[] | undefined });
  const startedAt = Date.now();
  out(
    await runAdmin(
      { url: values.url, token: values.token },
      {
        api: async (call) => {
          const { connections } = (await call("/api/v1/connections")) as { connections: ConnectionView[] };
          let view = connections.find((c) => sameSettings(c, input));
          const created = !view;
          view ??= (await call("/api/v1/connections", { json: input })) as ConnectionView;
          const id = view.id;
          // A new connection's sync is already asked for; asking again would run a second one after it.
          if (!created) await call(`/api/v1/connections/${id}/sync`, { method: "POST" });
          return outcome(await follow(async () => (await call(`/api/v1/connections/${id}`)) as ConnectionView), created, startedAt);
        },
        direct: (db, actor) => direct(db, actor, input, startedAt),
      },
    ),
  );
  return 0;
}
