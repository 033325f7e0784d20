// Does the embedded server stay responsive while it stores a large JUnit report? Starts `keel
// start` on PGlite (a temp directory), uploads one report of --tests tests, and meanwhile probes
// /healthz every 200 ms and sends a signed GitHub webhook every second. Prints the upload's time,
// the slowest probe and webhook answers, and whether every delivery was stored. Goal (issue 13):
// every probe and every webhook answered within 1 s. Loopback only; bounded by the upload.
//
// Usage: pnpm --filter @keel/server exec tsx bench/uploadResponsiveness.ts [--tests 200000]
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { junitXml } from "./junitXml.ts";
import { startKeelServer } from "./keelServer.ts";

const { values: args } = parseArgs({ options: { tests: { type: "string", default: "200000" } } });
const TESTS = Number(args.tests);
const TOKEN = `bench-${randomBytes(12).toString("hex")}`;
const SECRET = `bench-${randomBytes(12).toString("hex")}`;

const xml = junitXml(TESTS);
console.error(`${TESTS.toLocaleString("en-US")} tests, ${(Buffer.byteLength(xml) / 1024 / 1024).toFixed(1)} MB of XML`);
const dir = await mkdtemp(path.join(tmpdir(), "keel-bench-upload-"));
const keel = await startKeelServer({ KEEL_DATA_DIR: dir, KEEL_API_TOKEN: TOKEN, KEEL_GITHUB_WEBHOOK_SECRET: SECRET });
try {
  const headers = { authorization: `Bearer ${TOKEN}` };
  const build = { id: "b-upload", pipeline: "ci", commitSha: "feed", status: "success", startedAt: "2026-11-10T12:00:00Z", finishedAt: "2026-11-10T12:30:00Z" };
  await fetch(`${keel.url}/api/v1/builds`, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify(build) });

  const timed = async (request: () => Promise<Response>) => {
    const started = performance.now();
    const res = await request();
    await res.arrayBuffer();
    return { ms: performance.now() - started, status: res.status };
  };
  const webhook = (delivery: string) => {
    const body = JSON.stringify({ zen: "Anything added dilutes everything else.", hook_id: 1 });
    const signature = `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`;
    return fetch(`${keel.url}/webhooks/github`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-github-event": "ping", "x-github-delivery": delivery, "x-hub-signature-256": signature },
      body,
    });
  };

  let done = false;
  const started = performance.now();
  const upload = timed(() =>
    fetch(`${keel.url}/api/v1/builds/b-upload/junit?report=unit`, { method: "POST", headers: { ...headers, "content-type": "application/xml" }, body: xml }),
  ).finally(() => (done = true));
  const probes: { ms: number; status: number }[] = [];
  const hooks: { ms: number; status: number }[] = [];
  const deliveries: string[] = [];
  const probing = (async () => {
    while (!done) {
      probes.push(await timed(() => fetch(`${keel.url}/healthz`)));
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  const hooking = (async () => {
    while (!done) {
      const delivery = randomUUID();
      deliveries.push(delivery);
      hooks.push(await timed(() => webhook(delivery)));
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  })();
  const result = await upload;
  await Promise.all([probing, hooking]);
  const seconds = (performance.now() - started) / 1000;

  // Let the queued webhook inserts land (and the queue flush any spooled file) before stopping.
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  await keel.stop();
  const db = await PGlite.create(dir);
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "RawEvent" WHERE "dedupeKey" = ANY($1)`, [
    deliveries.map((d) => `github:${d}`),
  ]);
  await db.close();
  const spooled = (await readdir(path.join(dir, "webhook-spool")).catch(() => [])).length;
  console.error(`deliveries acknowledged ${deliveries.length}, stored ${rows[0]?.n}, left in the spool ${spooled}`);
  const max = (xs: { ms: number }[]) => Math.round(Math.max(...xs.map((x) => x.ms)));
  const bad = (xs: { status: number }[], ok: number) => xs.filter((x) => x.status !== ok).length;
  console.log(
    `\nUpload of ${TESTS.toLocaleString("en-US")} tests on PGlite: HTTP ${result.status} in ${seconds.toFixed(1)} s (load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")})`,
  );
  console.table([
    { what: "/healthz", answers: probes.length, "not 200/202": bad(probes, 200), "slowest ms": max(probes), goal: max(probes) < 1_000 ? "met" : "MISSED" },
    { what: "webhook", answers: hooks.length, "not 200/202": bad(hooks, 202), "slowest ms": max(hooks), goal: max(hooks) < 1_000 ? "met" : "MISSED" },
  ]);
} finally {
  await keel.stop();
  await rm(dir, { recursive: true, force: true });
}
