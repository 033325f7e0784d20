// A 1,000-deployment GitHub backfill: a recorded GitHub on loopback (test/support/githubRecorded.ts,
// the same server the sync tests use) serves a repository with 1,000 production deployments (one
// in ten failed), two commits each with their pull requests, and a few incident issues; one full
// sync (server/src/connections/run.ts, as the schedule and `keel backfill github` run it) goes into
// a fresh embedded database (a temp directory), and into a throwaway PostgreSQL database with
// --postgres. Beside it, the floor measured in the same run: the same GitHub requests the sync made,
// fetched one after another without storing anything. And the machine's load, as the cores are shared.
//
// Usage: pnpm bench:backfill [--deployments 1000] [--postgres]
//   KEEL_BENCH_POSTGRES_URL: the server for the throwaway database (default postgresql://postgres@127.0.0.1:5432/postgres).
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { HOUR_MS, MINUTE_MS } from "@keel/shared/calendar";
import { startRecordedGithub, type RecordedRepo } from "../../test/support/githubRecorded.ts";
import { runConnectionSync } from "../src/connections/run.ts";
import { realClock } from "../src/connections/types.ts";
import { openDatabase, type DatabaseTarget } from "../src/db/client.ts";
import { applyMigrations } from "../src/db/migrations.ts";
import { createLogger } from "../src/logger.ts";
import { createConnection } from "../src/services/connections/manageConnections.ts";
import { secretBox } from "../src/services/secrets/secretBox.ts";
import { admin, databaseUrl } from "./harness.ts";

const { values: args } = parseArgs({ options: { deployments: { type: "string", default: "1000" }, postgres: { type: "boolean", default: false } } });
const DEPLOYMENTS = Number(args.deployments);
const ADMIN_URL = process.env.KEEL_BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const TOKEN = `ghp_${randomBytes(18).toString("hex")}`;

/** 1,000 deployments 4 hours apart ending a day ago, each shipping two commits that came by pull request. */
function bigRepo(count: number): RecordedRepo {
  const start = Date.now() - 24 * HOUR_MS - count * 4 * HOUR_MS;
  const at = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
  const repo: RecordedRepo = { owner: "acme", name: "checkout", commits: [], deployments: [], issues: [], runs: [] };
  for (let d = 0; d < count; d++) {
    const t = start + d * 4 * HOUR_MS;
    for (const c of [0, 1]) {
      const n = d * 2 + c + 1;
      const sha = n.toString(16).padStart(40, "0");
      repo.commits.push({
        sha,
        message: `feat: change ${n}`,
        date: at(t - (3 - c) * HOUR_MS),
        pull: { number: n, created_at: at(t - 20 * HOUR_MS), merged_at: at(t - (2 - c) * HOUR_MS), labels: n % 3 === 0 ? ["bug"] : ["feature"] },
      });
    }
    const failed = d % 10 === 9;
    repo.deployments.push({
      id: 10_000 + d,
      sha: repo.commits.at(-1)?.sha ?? "",
      created_at: at(t),
      statuses: [{ state: failed ? "failure" : "success", created_at: at(t + 15 * MINUTE_MS) }],
    });
    if (d % 50 === 25)
      repo.issues.push({
        number: d,
        title: `Incident ${d}`,
        labels: ["incident"],
        created_at: at(t + HOUR_MS),
        updated_at: at(t + 3 * HOUR_MS),
        closed_at: at(t + 3 * HOUR_MS),
      });
  }
  return repo;
}

async function withDatabase<T>(kind: "pglite" | "postgres", work: (target: DatabaseTarget) => Promise<T>): Promise<T> {
  if (kind === "pglite") {
    const dir = await mkdtemp(path.join(tmpdir(), "keel-bench-backfill-"));
    try {
      return await work({ dataDir: dir });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  const name = `keel_bench_${randomBytes(6).toString("hex")}`;
  await admin(ADMIN_URL, `CREATE DATABASE ${name}`);
  try {
    return await work({ databaseUrl: databaseUrl(ADMIN_URL, name) });
  } finally {
    await admin(ADMIN_URL, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

/** One full sync into a fresh database: its time, and the GitHub requests it made. */
async function timeSync(kind: "pglite" | "postgres") {
  const github = await startRecordedGithub(bigRepo(DEPLOYMENTS), { token: TOKEN });
  try {
    return await withDatabase(kind, async (target) => {
      const database = await openDatabase(target);
      try {
        await applyMigrations(database.adapterFactory);
        const db = database.prisma;
        const secrets = secretBox(randomBytes(32));
        const input = {
          kind: "github" as const,
          apiUrl: github.apiUrl,
          token: TOKEN,
          repositories: ["acme/checkout"],
          environment: "production",
          serviceFrom: "repository" as const,
        };
        const { id } = await createConnection({ db, secrets, input });
        const started = performance.now();
        await runConnectionSync({ db, secrets, logger: createLogger("silent"), clock: realClock, owner: "bench" }, id);
        const ms = performance.now() - started;
        const row = await db.connection.findUniqueOrThrow({ where: { id } });
        if (row.status !== "idle") throw new Error(`the sync ended ${row.status}: ${row.lastError ?? ""}`);
        const counts = { deployments: await db.deployment.count(), changes: await db.change.count(), incidents: await db.incident.count() };
        return { ms, counts, requests: [...github.requests], floorMs: await floor(github.apiUrl, github.requests) };
      } finally {
        await database.close();
      }
    });
  } finally {
    await github.close();
  }
}

/** The floor: the same requests, one after another, each answer read whole and dropped. */
async function floor(apiUrl: string, requests: string[]): Promise<number> {
  const headers = { authorization: `token ${TOKEN}`, accept: "application/vnd.github+json" };
  const started = performance.now();
  for (const request of [...requests]) await (await fetch(apiUrl + request, { headers })).arrayBuffer();
  return performance.now() - started;
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" / ");

console.log(`Backfill of ${DEPLOYMENTS.toLocaleString("en-US")} GitHub deployments from a recorded GitHub on loopback (${availableParallelism()} cores)`);
console.log(`load average before (1 / 5 / 15 min): ${load()}`);
for (const kind of args.postgres ? (["pglite", "postgres"] as const) : (["pglite"] as const)) {
  const r = await timeSync(kind);
  console.log(
    `${kind.padEnd(8)} sync ${fmt(r.ms)} (${r.counts.deployments} deployments, ${r.counts.changes} changes, ${r.counts.incidents} incidents; ${r.requests.length} GitHub requests)` +
      ` · floor (same requests, nothing stored) ${fmt(r.floorMs)} · ${(r.ms / r.floorMs).toFixed(1)}× the floor · ${(r.counts.deployments / (r.ms / 1000)).toFixed(0)} deployments/s`,
  );
}
console.log(`load average after (1 / 5 / 15 min): ${load()}`);
