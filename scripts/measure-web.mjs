// `pnpm measure:web`: what a first visit to the Overview costs.
//
// (a) Bytes: reads the built web app (web/dist; this script builds nothing: run `vite build` first)
//     and follows what the browser loads for the Overview: index.html's scripts and modulepreloads,
//     then the Overview page's chunk and its static imports, and the lazy chunk of its charts (which
//     it always loads), from Vite's manifest. Prints each file and the gzipped total (budget: 300 kB).
// (b) Time to interactive: starts Keel with the demo data on a fresh embedded database (a temp
//     directory), opens the Overview in Chromium (playwright-core, /usr/bin/chromium) with an empty
//     cache, and measures from navigation start until the five tiles and the five charts are ready
//     (data-chart-ready) and the filters respond (the team and service choices have loaded, and
//     choosing a period starts a new request). One warm-up load, then the median of 5 (goal: 1.5 s).
//
// Options: --bytes-only (skip (b)); KEEL_CHROMIUM to use another Chromium.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import chromiumFlags from "../test/support/chromium.json" with { type: "json" };

/* global document, HTMLSelectElement -- used inside page.waitForFunction, which runs in the browser */

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dist = path.join(root, "web/dist");
const OVERVIEW_SOURCE = "src/pages/OverviewPage.tsx";
// Lazy chunks the Overview always loads on a first visit (its trend charts, which bring ECharts).
// Counted like static imports. Not counted: chunks loaded only for other views (the second tier of
// ECharts parts, charts/echarts.ts).
const OVERVIEW_ALWAYS_LAZY = ["src/features/dora/TrendCharts.tsx"];
const BUDGET_KB = 300;
const GOAL_MS = 1500;
const LOADS = 5;

const kB = (bytes) => (bytes / 1000).toFixed(1);

function firstVisitFiles() {
  let html;
  let manifest;
  try {
    html = readFileSync(path.join(dist, "index.html"), "utf8");
    manifest = JSON.parse(readFileSync(path.join(dist, ".vite/manifest.json"), "utf8"));
  } catch (error) {
    throw new Error(`No built web app with a manifest in ${dist} (${error.message}). Build it first: cd web && pnpm exec vite build`, { cause: error });
  }
  const files = new Set();
  // What index.html makes the browser fetch at once.
  for (const match of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) files.add(match[1].replace(/^\//, ""));
  for (const match of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) files.add(match[1].replace(/^\//, ""));
  // The Overview's lazy chunk and everything it imports statically (dynamic imports load later, if ever).
  const entry = manifest[OVERVIEW_SOURCE];
  if (!entry) throw new Error(`The manifest has no ${OVERVIEW_SOURCE}: is the Overview still a lazy route?`);
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`The manifest has no chunk ${key}`);
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(OVERVIEW_SOURCE);
  for (const key of OVERVIEW_ALWAYS_LAZY) visit(key);
  // The entry's own static imports (index.html lists them as modulepreloads, but be sure).
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  return [...files].filter((f) => f.endsWith(".js"));
}

function measureBytes() {
  const rows = firstVisitFiles()
    .map((file) => {
      const bytes = readFileSync(path.join(dist, file));
      return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    })
    .sort((a, b) => b.gzip - a.gzip);
  console.log("\nJavaScript a first visit to the Overview downloads (web/dist):\n");
  console.log("| file | raw kB | gzip kB |\n|---|---:|---:|");
  for (const r of rows) console.log(`| ${r.file} | ${kB(r.raw)} | ${kB(r.gzip)} |`);
  const total = rows.reduce((n, r) => n + r.gzip, 0);
  const raw = rows.reduce((n, r) => n + r.raw, 0);
  console.log(`| **total** | ${kB(raw)} | **${kB(total)}** |`);
  console.log(`\nFirst-visit JavaScript: ${kB(total)} kB gzipped (budget ${BUDGET_KB} kB: ${total <= BUDGET_KB * 1000 ? "within" : "OVER"})`);
  return total;
}

function startKeel(dataDir) {
  const child = spawn(process.execPath, [path.join(root, "server/bin/keel.mjs"), "start"], {
    cwd: root,
    // A reading visitor without a sign-in step: the page loads exactly as for a signed-in viewer.
    env: { ...process.env, PORT: "0", KEEL_DEMO: "1", KEEL_DATA_DIR: dataDir, KEEL_WEB_DIST: dist, LOG_LEVEL: "info", KEEL_ANONYMOUS_ROLE: "viewer" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Keel was not ready within 240 s:\n${out.slice(-2000)}`)), 240_000);
    const onData = (chunk) => {
      out += chunk;
      const url = /"url":"(http[^"]+)"[^\n]*"msg":"Keel is ready"/.exec(out)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve(url);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Keel exited with ${code} before it was ready:\n${out.slice(-2000)}`));
    });
  });
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return { ready, stop };
}

/** One first visit with an empty cache: milliseconds from navigation start to interactive. */
async function timeOneLoad(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(error.message));
  try {
    await page.goto(url, { waitUntil: "commit" });
    // Polled every animation frame; returns the page's clock (0 = navigation start) at the first
    // frame where everything is drawn and the filters have their choices.
    const handle = await page.waitForFunction(
      () => {
        const tiles = document.querySelector('[data-testid="dora-tiles"][data-ready="true"]');
        const values = document.querySelectorAll('[data-testid="tile-value"]').length;
        const charts = document.querySelectorAll('[data-testid="chart"][data-chart-ready="true"]').length;
        const team = document.querySelector("#filter-team");
        const filtersLoaded = team instanceof HTMLSelectElement && team.options.length > 1 && team.getAttribute("aria-busy") !== "true";
        return tiles && values === 5 && charts === 5 && filtersLoaded ? performance.now() : false;
      },
      undefined,
      { polling: "raf", timeout: 30_000 },
    );
    const interactiveAt = await handle.jsonValue();
    // "The filters respond": choosing another period starts a request for it at once.
    const request = page.waitForRequest((r) => r.url().includes("/trpc/") && r.url().includes("dora.summary"), { timeout: 5_000 });
    await page.selectOption("#filter-weeks", "12");
    await request;
    if (problems.length) throw new Error(`page errors: ${problems.join("; ")}`);
    return interactiveAt;
  } finally {
    await context.close();
  }
}

async function measureInteractive() {
  const require = createRequire(path.join(root, "test/package.json"));
  const { chromium } = require("playwright-core");
  const dataDir = mkdtempSync(path.join(tmpdir(), "keel-measure-web-"));
  const keel = startKeel(dataDir);
  let browser;
  try {
    const url = await keel.ready;
    console.log(`\nKeel with the demo data at ${url}`);
    // Launched as the browser tests launch it (test/support/browser.ts).
    browser = await chromium.launch({ executablePath: process.env.KEEL_CHROMIUM ?? chromiumFlags.executablePath, headless: true, args: chromiumFlags.args });
    const warmUp = await timeOneLoad(browser, url);
    console.log(`warm-up load (not counted): ${Math.round(warmUp)} ms`);
    const times = [];
    for (let i = 0; i < LOADS; i++) {
      times.push(await timeOneLoad(browser, url));
      console.log(`load ${i + 1}: ${Math.round(times[i])} ms`);
    }
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    console.log(
      `\nOverview time to interactive: median ${Math.round(median)} ms of ${LOADS} loads (goal ${GOAL_MS} ms: ${median <= GOAL_MS ? "met" : "NOT met"})`,
    );
    return median;
  } finally {
    await browser?.close();
    await keel.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const bytes = measureBytes();
const median = process.argv.includes("--bytes-only") ? null : await measureInteractive();
if (bytes > BUDGET_KB * 1000 || (median !== null && median > GOAL_MS)) process.exitCode = 1;
