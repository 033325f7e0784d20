// JUnit storage speed, beside its floor (part of `pnpm bench:ingest --junit N`): one report of N
// tests uploaded over HTTP to a real `keel start`, and the same test identities and results written
// by bare multi-row INSERT ... VALUES statements in one transaction on a fresh database of the same
// kind (no HTTP, no parsing, no flaky detection, no ORM). Also the server's peak memory (VmHWM).
import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { testIdentityKey } from "../src/ingest/junit/testIdentity.ts";
import { junitXml } from "./junitXml.ts";
import { startKeelServer } from "./keelServer.ts";

export interface JunitStoreResult {
  httpSeconds: number;
  floorSeconds: number;
  peakRssMb: number | null;
}

type Query = (text: string, values: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

const ROWS_PER_STATEMENT = 5_000;
// Each statement's text: about 1 MB at 5,000 rows; memory stays bounded by one statement.

/** Rows as literal VALUES tuples: no parameters to bind (35,000 per statement slowed PGlite). */
function values(rows: unknown[][]): string {
  const literal = (v: unknown) => (typeof v === "number" ? String(v) : `'${String(v).replace(/'/g, "''")}'`);
  return rows.map((row) => `(${row.map(literal).join(", ")})`).join(", ");
}

/** The floor's writes for `tests` tests of one build: a report, the identities, the results. */
async function floorWrites(query: Query, tests: number): Promise<void> {
  const now = new Date().toISOString();
  await query(
    `INSERT INTO "Build" (id, pipeline, "commitSha", status, "startedAt", "finishedAt", "updatedAt") VALUES ('b-floor', 'ci', 'feed', 'success', $1, $1, $1)`,
    [now],
  );
  const report = await query(
    `INSERT INTO "TestReport" ("buildId", name, tests, passed, failed, errors, skipped, "flakyRetries") VALUES ('b-floor', 'unit', $1, $1, 0, 0, 0, 0) RETURNING id`,
    [tests],
  );
  const reportId = report.rows[0]?.id;
  for (let start = 0; start < tests; start += ROWS_PER_STATEMENT) {
    const n = Math.min(ROWS_PER_STATEMENT, tests - start);
    const cases = Array.from({ length: n }, (_, i) => {
      const suite = `com.example.suite${Math.floor((start + i) / 200)}.ServiceTest`;
      const name = `test${start + i}_returns_expected_value`;
      return [testIdentityKey("ci", suite, name, ""), "ci", suite, name, ""];
    });
    const ids = await query(`INSERT INTO "TestCase" (key, repository, suite, name, variant) VALUES ${values(cases)} RETURNING id`, []);
    const results = ids.rows.map((row, i) => [reportId, row.id, "b-floor", "feed", (start + i) % 50 === 7 ? "failed" : "passed", i % 10, 0]);
    await query(`INSERT INTO "TestResult" ("reportId", "testCaseId", "buildId", "commitSha", status, "durationMs", retry) VALUES ${values(results)}`, []);
  }
}

export async function floorOnPostgres(url: string, tests: number): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const started = performance.now();
    await client.query("BEGIN");
    await floorWrites((text, v) => client.query(text, v), tests);
    await client.query("COMMIT");
    return (performance.now() - started) / 1000;
  } finally {
    await client.end();
  }
}

export async function floorOnPglite(dir: string, tests: number): Promise<number> {
  const db = await PGlite.create(dir);
  try {
    const started = performance.now();
    await db.transaction((tx) => floorWrites((text, v) => tx.query(text, v), tests));
    return (performance.now() - started) / 1000;
  } finally {
    await db.close();
  }
}

/** Peak resident memory of a process, from /proc (Linux); null elsewhere. */
function peakRssMb(pid: number | undefined): number | null {
  try {
    const kb = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : null;
  } catch {
    return null;
  }
}

export async function uploadOverHttp(env: Record<string, string>, token: string, tests: number): Promise<{ seconds: number; peakRssMb: number | null }> {
  const xml = junitXml(tests);
  const keel = await startKeelServer({ ...env, KEEL_API_TOKEN: token });
  try {
    const headers = { authorization: `Bearer ${token}` };
    const build = {
      id: "b-bench",
      pipeline: "ci",
      commitSha: "feed",
      status: "success",
      startedAt: "2026-11-10T12:00:00Z",
      finishedAt: "2026-11-10T12:30:00Z",
    };
    const made = await fetch(`${keel.url}/api/v1/builds`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify(build),
    });
    if (made.status !== 200) throw new Error(`build: ${made.status} ${await made.text()}`);
    const started = performance.now();
    const res = await fetch(`${keel.url}/api/v1/builds/b-bench/junit?report=unit`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/xml" },
      body: xml,
    });
    const text = await res.text();
    const seconds = (performance.now() - started) / 1000;
    if (res.status !== 200) throw new Error(`upload: ${res.status} ${text.slice(0, 500)}`);
    return { seconds, peakRssMb: peakRssMb(keel.child.pid) };
  } catch (error) {
    console.error(`Keel's output:\n${keel.output().slice(-5_000)}`);
    throw error;
  } finally {
    await keel.stop();
  }
}
