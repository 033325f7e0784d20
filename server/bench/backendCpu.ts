// The CPU time PostgreSQL spends on a statement, read from the server process's own counters
// (/proc/<backend pid>/stat: user + system time). It moves less with the machine's load than
// wall-clock time, which waits for a core, but it still moves (seen here: 52 ms of CPU for one
// statement on a quiet machine, 82 ms beside a 10-million-row data generation, caches being
// shared), so compare two versions of a query in the same run. Only for a PostgreSQL on this
// machine (Linux); the counters tick every 10 ms, hence many runs per statement.
import { readFileSync } from "node:fs";
import pg from "pg";
import type { Prisma } from "../src/generated/prisma/client.ts";

/** Milliseconds of CPU the backend `pid` has used so far (fields 14 and 15 of /proc/pid/stat, in clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Backend CPU ms per run of each statement, after one untimed run; one connection, the app's settings. */
export async function backendCpuPerRun(url: string, statements: [string, Prisma.Sql][], runs: number): Promise<[string, number][]> {
  const client = new pg.Client({ connectionString: url, options: "-c jit=off -c work_mem=32MB" });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    const pid = rows[0]?.pid as number;
    const out: [string, number][] = [];
    for (const [name, sql] of statements) {
      await client.query(sql.text, sql.values);
      const before = cpuMs(pid);
      for (let i = 0; i < runs; i++) await client.query(sql.text, sql.values);
      out.push([name, (cpuMs(pid) - before) / runs]);
    }
    return out;
  } finally {
    await client.end();
  }
}
