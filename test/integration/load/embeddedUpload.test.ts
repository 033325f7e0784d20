// A large JUnit upload on the embedded database (PGlite: one connection, and every statement runs
// on the main thread) must not freeze the server: /healthz answers every probe within a second,
// and a signed webhook is acknowledged within a second (spooled while the upload holds the
// database, stored after). The report is still stored whole. The size is a smaller stand-in for
// the 200,000-test case that bench/uploadResponsiveness.ts measures.
import { createHmac, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { sendBuild, startTestApp, type TestApp } from "../../support/httpApp.ts";
import { testDbKind } from "../../support/database.ts";
import { junitXml } from "../../../server/bench/junitXml.ts";

const TESTS = 30_000;
const GITHUB_SECRET = "embedded-upload-secret";
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ webhookSecrets: { github: GITHUB_SECRET } });
  await sendBuild(app, { id: "b-big", commitSha: "feed1234", startedAt: "2026-11-10T12:00:00Z", finishedAt: "2026-11-10T12:30:00Z" });
});
afterAll(() => app.close());

async function timed(request: () => Promise<Response>): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const res = await request();
  await res.arrayBuffer();
  return { ms: performance.now() - started, status: res.status };
}

function webhook(delivery: string): Promise<Response> {
  const body = JSON.stringify({ zen: "Responsive is better than fast.", hook_id: 9 });
  return fetch(`${app.url}/webhooks/github`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-github-event": "ping",
      "x-github-delivery": delivery,
      "x-hub-signature-256": `sha256=${createHmac("sha256", GITHUB_SECRET).update(body).digest("hex")}`,
    },
    body,
  });
}

describe.skipIf(testDbKind !== "pglite")("a large upload on the embedded database", () => {
  test(`/healthz and webhooks answer within 1 s while ${TESTS.toLocaleString("en-US")} tests are stored`, async () => {
    const xml = junitXml(TESTS);
    let done = false;
    const upload = app
      .request("/api/v1/builds/b-big/junit?report=unit", { method: "POST", headers: { "content-type": "application/xml" }, body: xml })
      .finally(() => (done = true));
    const probes: { ms: number; status: number }[] = [];
    const hooks: { ms: number; status: number }[] = [];
    const deliveries: string[] = [];
    while (!done) {
      probes.push(await timed(() => fetch(`${app.url}/healthz`)));
      if (probes.length % 4 === 0) {
        const delivery = randomUUID();
        deliveries.push(delivery);
        hooks.push(await timed(() => webhook(delivery)));
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const res = await upload;
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({ tests: TESTS });

    expect(probes.length).toBeGreaterThanOrEqual(8); // the upload took long enough to be probed
    expect(probes.filter((p) => p.status !== 200)).toEqual([]);
    expect(Math.max(...probes.map((p) => p.ms))).toBeLessThan(1_000);
    expect(hooks.length).toBeGreaterThanOrEqual(2);
    expect(hooks.filter((h) => h.status !== 202)).toEqual([]);
    expect(Math.max(...hooks.map((h) => h.ms))).toBeLessThan(1_000);

    // Every acknowledged delivery is stored once the database is free; the report is whole.
    await app.webhookQueue.idle();
    app.webhookQueue.kick();
    await app.webhookQueue.idle();
    const stored = await app.database.prisma.rawEvent.count({ where: { dedupeKey: { in: deliveries.map((d) => `github:${d}`) } } });
    expect(stored).toBe(deliveries.length);
    expect(await app.database.prisma.testResult.count({ where: { buildId: "b-big" } })).toBe(TESTS);
  });
});
