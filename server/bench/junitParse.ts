// Parses a generated ~50 MB JUnit report from disk and reports time and memory.
// Usage: pnpm exec tsx bench/junitParse.ts [sizeMB]

import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { parseJunit } from "../src/ingest/junit/parseJunit.ts";
import type { ParsedReport } from "../src/ingest/junit/types.ts";
import { Random } from "../src/demo/random.ts";

const MB = 1024 * 1024;
const targetBytes = Number(process.argv[2] ?? 50) * MB;

// A forced collection makes the before/after heap figures mean "live data", not garbage. The
// flag can be turned on at run time, so the bench runs with plain `tsx`.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** Deterministic PRNG (mulberry32), so every run parses the same file. */
/** The demo's seeded generator (mulberry32): the same data on every run. */
function random(seed: number): () => number {
  const r = new Random(seed);
  return () => r.next();
}

function stackTrace(rand: () => number, className: string, frames: number): string {
  const lines = [`java.lang.AssertionError: expected <${Math.floor(rand() * 1000)}> but was <${Math.floor(rand() * 1000)}>`];
  for (let i = 0; i < frames; i++) {
    lines.push(`\tat ${className}.step${i}(${className.split(".").at(-1)}.java:${10 + i})`);
    lines.push(`\tat org.junit.platform.engine.support.hierarchical.NodeTestTask.executeRecursively(NodeTestTask.java:${140 + i})`);
  }
  return lines.join("\n");
}

function testCase(rand: () => number, className: string, index: number): string {
  const name = index % 97 === 0 ? `handles «ünïcode» input › case ${index}` : `test${index}_returns_expected_value`;
  const time = (rand() * 2).toFixed(3);
  const open = `      <testcase name="${name}" classname="${className}" time="${time}"`;
  const roll = rand();
  if (roll < 0.05) {
    const trace = stackTrace(rand, className, 20 + Math.floor(rand() * 100));
    const message = `expected &lt;${"x".repeat(200 + Math.floor(rand() * 2000))}&gt;`;
    return `${open}>\n        <failure message="${message}" type="java.lang.AssertionError"><![CDATA[${trace}]]></failure>\n        <system-out><![CDATA[${"log line &amp; more\n".repeat(50)}]]></system-out>\n      </testcase>\n`;
  }
  if (roll < 0.07) {
    let flaky = "";
    const attempts = 1 + Math.floor(rand() * 3);
    for (let i = 0; i < attempts; i++) {
      flaky += `        <flakyFailure message="timed out" type="java.util.concurrent.TimeoutException" time="${(rand() * 5).toFixed(3)}">\n          <stackTrace><![CDATA[${stackTrace(rand, className, 30)}]]></stackTrace>\n          <system-out><![CDATA[${"retrying...\n".repeat(20)}]]></system-out>\n        </flakyFailure>\n`;
    }
    return `${open}>\n${flaky}      </testcase>\n`;
  }
  if (roll < 0.08)
    return `${open}>\n        <error message="NullPointerException" type="java.lang.NullPointerException">at ${className}.setUp &lt;init&gt;</error>\n      </testcase>\n`;
  if (roll < 0.09) return `${open}>\n        <skipped message="disabled"/>\n      </testcase>\n`;
  return `${open}/>\n`;
}

async function generate(path: string): Promise<void> {
  const out = createWriteStream(path);
  const rand = random(42);
  let written = 0;
  let buffer = "";
  const emit = async (text: string) => {
    buffer += text;
    if (buffer.length < 64 * 1024) return;
    written += Buffer.byteLength(buffer);
    const ok = out.write(buffer);
    buffer = "";
    if (!ok) await once(out, "drain");
  };
  await emit(`<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="bench" tests="0" failures="0">\n`);
  for (let module = 0; written < targetBytes; module++) {
    await emit(`  <testsuite name="module-${module}" time="0">\n`);
    for (let cls = 0; cls < 20 && written < targetBytes; cls++) {
      const className = `com.example.module${module}.feature${cls % 7}.Service${cls}Test`;
      await emit(`    <testsuite name="${className}" hostname="ci-runner" tests="40" time="12.5">\n`);
      await emit(`      <properties><property name="java.version" value="21"/></properties>\n`);
      for (let t = 0; t < 40; t++) await emit(testCase(rand, className, t));
      await emit(`    </testsuite>\n`);
    }
    await emit(`  </testsuite>\n`);
  }
  await emit(`</testsuites>\n`);
  written += Buffer.byteLength(buffer);
  out.end(buffer);
  await once(out, "finish");
}

interface Run {
  parseMs: number;
  executions: number;
  summary: ParsedReport["summary"];
  before: NodeJS.MemoryUsage;
  peak: { rss: number; heapUsed: number };
  keptHeap: number;
}

/**
 * Parses the file while sampling memory every 50 ms. With `liveOnly`, each sample first forces
 * a collection, so the peak is live data only (what the parser really holds), at some cost in
 * parse time.
 */
async function run(file: string, liveOnly: boolean): Promise<Run> {
  gc();
  const before = process.memoryUsage();
  const peak = { rss: before.rss, heapUsed: before.heapUsed };
  const sample = () => {
    if (liveOnly) gc();
    const now = process.memoryUsage();
    peak.rss = Math.max(peak.rss, now.rss);
    peak.heapUsed = Math.max(peak.heapUsed, now.heapUsed);
  };
  const sampler = setInterval(sample, 50);
  const parseStart = performance.now();
  const report = await parseJunit(createReadStream(file));
  const parseMs = performance.now() - parseStart;
  sample();
  clearInterval(sampler);
  gc();
  const keptHeap = process.memoryUsage().heapUsed - before.heapUsed;
  return { parseMs, executions: report.executions.length, summary: report.summary, before, peak, keptHeap };
}

const dir = await mkdtemp(join(tmpdir(), "keel-junit-bench-"));
const file = join(dir, "report.xml");
try {
  const generateStart = performance.now();
  await generate(file);
  const generateMs = performance.now() - generateStart;
  const { size } = await stat(file);
  const timed = await run(file, false);
  const live = await run(file, true);

  const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;
  const { before, peak } = timed;
  console.log(`file size:          ${mb(size)} (generated in ${(generateMs / 1000).toFixed(1)} s)`);
  console.log(`parse time:         ${(timed.parseMs / 1000).toFixed(2)} s (${(size / MB / (timed.parseMs / 1000)).toFixed(1)} MB/s)`);
  console.log(`tests found:        ${timed.summary.tests} distinct, ${timed.executions} executions`);
  console.log(`summary:            ${JSON.stringify(timed.summary)}`);
  console.log(`RSS:                ${mb(before.rss)} before, peak ${mb(peak.rss)} (+${mb(peak.rss - before.rss)})`);
  console.log(`heap used:          ${mb(before.heapUsed)} before, peak ${mb(peak.heapUsed)} (+${mb(peak.heapUsed - before.heapUsed)}, garbage included)`);
  console.log(`live heap peak:     +${mb(live.peak.heapUsed - live.before.heapUsed)} (collected before each sample)`);
  console.log(`heap kept after:    +${mb(timed.keptHeap)} (the report: executions and their strings)`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
