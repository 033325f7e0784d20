// `pnpm bench:startup`: how long Keel takes from process start to "ready", as a user runs it
// (`keel start`), on the embedded database and on PostgreSQL: the first start (migrations and the
// demo data), a clean restart, and a restart after kill -9.
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const postgres = process.env.KEEL_BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

function start(env) {
  const began = performance.now();
  const child = spawn(process.execPath, [path.join(root, "server/bin/keel.mjs"), "start"], {
    cwd: root,
    env: { ...process.env, PORT: "0", KEEL_API_TOKEN: "bench-startup-token-0123456789", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk) => {
      out += chunk;
      const url = /"url":"(http[^"]+)"[^\n]*"msg":"Keel is ready"/.exec(out)?.[1];
      if (url) resolve({ child, url, ms: performance.now() - began });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => reject(new Error(`keel exited ${code}:\n${out}`)));
  });
}

/** Successful production deployments Keel holds (the DORA summary over a window covering the demo). */
async function deploymentCount(url) {
  const input = encodeURIComponent(JSON.stringify({ from: "2025-01-01", to: "2027-01-01" }));
  const body = await (await fetch(`${url}/trpc/dora.summary?input=${input}`, { headers: { authorization: "Bearer bench-startup-token-0123456789" } })).json();
  return body.result.data.summary.deploymentFrequency.deployments;
}

const stop = (child, signal) =>
  new Promise((resolve) => {
    child.once("exit", resolve);
    child.kill(signal);
  });

async function scenario(name, env) {
  const rows = [];
  let k = await start(env);
  rows.push([name, "first start (migrate + demo)", k.ms]);
  const deployments = await deploymentCount(k.url);
  await stop(k.child, "SIGTERM");
  k = await start(env);
  rows.push([name, "restart after SIGTERM", k.ms]);
  await stop(k.child, "SIGKILL");
  k = await start(env);
  rows.push([name, "restart after kill -9", k.ms]);
  const after = await deploymentCount(k.url);
  await stop(k.child, "SIGTERM");
  if (after !== deployments) throw new Error(`${name}: ${deployments} deployments before the kill, ${after} after`);
  return rows;
}

const dataDir = mkdtempSync(path.join(tmpdir(), "keel-bench-"));
const dbName = `keel_bench_${process.pid}`;
const psql = (sql) => execFileSync("psql", [postgres, "-qAtc", sql]);
const rows = [...(await scenario("embedded (PGlite)", { KEEL_DATA_DIR: dataDir }))];
rmSync(dataDir, { recursive: true, force: true });
try {
  psql(`CREATE DATABASE ${dbName}`);
  const url = new URL(postgres);
  url.pathname = `/${dbName}`;
  rows.push(...(await scenario("PostgreSQL", { DATABASE_URL: url.toString() })));
} finally {
  psql(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
}
console.log("\n| database | start | seconds to ready |\n|---|---|---|");
for (const [db, what, ms] of rows) console.log(`| ${db} | ${what} | ${(ms / 1000).toFixed(1)} |`);
