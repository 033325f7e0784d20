// `pnpm test`: every test, in three phases, then one closing line "N passed, N failed".
//   1. unit and integration tests on the embedded database (PGlite)
//   2. integration tests again on PostgreSQL (KEEL_TEST_POSTGRES_URL, default 127.0.0.1:5432)
//   3. browser tests in Chromium against a running Keel with the demo data
// A phase whose service is missing (no PostgreSQL, no Chromium) is skipped with a notice, unless
// KEEL_REQUIRE_POSTGRES=1 / KEEL_REQUIRE_BROWSER=1 (CI sets both), which makes it a failure.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const resultsDir = path.join(root, "test-results");
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });
const postgresUrl = process.env.KEEL_TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const chromium = process.env.KEEL_CHROMIUM ?? "/usr/bin/chromium";

let passed = 0;
let failed = 0;
let skipped = 0;
const problems = [];

function reachable(url) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 5432), timeout: 2000 });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}

function vitest(name, args, env = {}) {
  const output = path.join(resultsDir, `${name}.json`);
  console.log(`\n=== ${name} ===`);
  const result = spawnSync("pnpm", ["exec", "vitest", "run", ...args, "--reporter=default", "--reporter=json", `--outputFile.json=${output}`], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  if (!existsSync(output)) {
    failed += 1;
    problems.push(`${name}: vitest did not run (exit ${result.status})`);
    return;
  }
  const report = JSON.parse(readFileSync(output, "utf8"));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  // A suite that fails to load has no failed test but is a failure all the same.
  const brokenFiles = report.testResults.filter((f) => f.status === "failed" && f.assertionResults.every((a) => a.status !== "failed"));
  failed += brokenFiles.length;
  if (result.status !== 0) problems.push(`${name}: vitest exited ${result.status}`);
}

function skipOrFail(name, why, required) {
  if (required) {
    failed += 1;
    problems.push(`${name}: ${why}`);
    console.log(`\n=== ${name}: FAILED, ${why} ===`);
  } else {
    console.log(`\n=== ${name}: skipped, ${why} ===`);
  }
}

vitest("pglite", []);

if (await reachable(postgresUrl)) {
  vitest("postgres", ["test/integration"], { KEEL_TEST_DB: "postgres", KEEL_TEST_POSTGRES_URL: postgresUrl });
} else {
  skipOrFail("postgres", `no PostgreSQL at ${new URL(postgresUrl).host} (set KEEL_TEST_POSTGRES_URL)`, process.env.KEEL_REQUIRE_POSTGRES === "1");
}

if (existsSync(chromium)) {
  if (!existsSync(path.join(root, "web/dist/index.html"))) {
    console.log("\n=== building the web app for the browser tests ===");
    spawnSync("pnpm", ["--filter", "@keel/web", "build"], { cwd: root, stdio: "inherit" });
  }
  vitest("browser", ["--config", "test/e2e/vitest.config.ts"], { KEEL_CHROMIUM: chromium });
} else {
  skipOrFail("browser", `no Chromium at ${chromium} (apt-get install chromium, or set KEEL_CHROMIUM)`, process.env.KEEL_REQUIRE_BROWSER === "1");
}

console.log("");
for (const problem of problems) console.log(`problem: ${problem}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 || problems.length > 0 ? 1 : 0);
