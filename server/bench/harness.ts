// What the latency benchmarks share (bench/costs.ts and bench/metrics.ts): the real Express app
// on a loopback port with an admin token, nearest-rank percentiles, timed calls after warm-up, and
// a throwaway PostgreSQL database.
import { randomBytes } from "node:crypto";
import { writeFile } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import type { Database } from "../src/db/client.ts";
import { createApp } from "../src/http/app.ts";
import { createLogger } from "../src/logger.ts";

const TOKEN = randomBytes(16).toString("hex");

/** The app on an ephemeral loopback port; `get(path)` answers with the body's text. */
export async function serve(database: Database) {
  const app = createApp({ database, logger: createLogger("silent"), apiToken: TOKEN });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  // The client keeps connections alive between calls that can be seconds apart (floor queries run
  // in between): with the server's default 5 s, a reused connection can be closed under it (ECONNRESET).
  server.keepAliveTimeout = 600_000;
  server.headersTimeout = 601_000;
  server.requestTimeout = 0;
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    async get(path: string): Promise<string> {
      const res = await fetch(base + path, { headers: { authorization: `Bearer ${TOKEN}` } });
      const body = await res.text();
      if (!res.ok) throw new Error(`${path}: ${res.status} ${body.slice(0, 500)}`);
      return body;
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Nearest-rank percentile of timings in ms. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] as number;
}

/** `work(i)` for i = 0.. (`warmup` untimed calls first), timed after the warm-up; `before` is not timed. */
export async function time(calls: number, warmup: number, work: (i: number) => Promise<unknown>, before?: () => Promise<unknown>): Promise<number[]> {
  let i = 0;
  for (; i < warmup; i++) {
    await before?.();
    await work(i);
  }
  const samples: number[] = [];
  for (let n = 0; n < calls; n++, i++) {
    await before?.();
    const t = performance.now();
    await work(i);
    samples.push(performance.now() - t);
  }
  return samples;
}

/** Runs one statement on the server's admin database (CREATE/DROP DATABASE). */
export async function admin(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** One measured row of the machine-readable output (`--json FILE`). */
export interface JsonResult {
  db: string;
  endpoint: string;
  scope: string;
  coldP50Ms: number;
  coldP95Ms: number;
  repeatP95Ms: number;
  floorP95Ms: number;
}

export async function writeJson(file: string, value: unknown): Promise<void> {
  await writeFile(file, JSON.stringify(value, null, 2) + "\n");
  console.error(`  results written to ${file}`);
}
