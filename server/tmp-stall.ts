import { openDatabase } from "./src/db/client.ts";
import { applyMigrations } from "./src/db/migrations.ts";
import { recordTestReport } from "./src/services/recordTestReport.ts";
const N = Number(process.argv[2] ?? 50000);
const db = await openDatabase({ memory: true });
await applyMigrations(db.adapterFactory);
await db.prisma.build.create({ data: { id: "b1", pipeline: "ci", commitSha: "abc", status: "success", attempt: 1, startedAt: new Date(), finishedAt: new Date() } });
const executions = Array.from({ length: N }, (_, i) => ({ suite: `s${i % 500}`, name: `t${i}`, variant: "", status: (i % 50 === 0 ? "failed" : "passed") as "passed", durationMs: 5, retry: 0 }));
let max = 0; let last = performance.now();
const timer = setInterval(() => { const now = performance.now(); if (now - last > 400) console.log("STALL", (now-last).toFixed(0), "ending", (now/1000).toFixed(2)); max = Math.max(max, now - last); last = now; }, 10);
const t0 = performance.now();
await recordTestReport({ db: db.prisma, input: { buildId: "b1", name: "unit", report: { executions, summary: { tests: N, passed: N, failed: 0, errors: 0, skipped: 0, flakyRetries: 0 } } } });
{ const now = performance.now(); max = Math.max(max, now - last); }
console.log(`N=${N} store ${(performance.now() - t0).toFixed(0)} ms, max event-loop stall ${max.toFixed(0)} ms`);
clearInterval(timer);
await db.close();
