// Requests that used to cost a 500 or unbounded work: a signed webhook with an absurd delivery id,
// huge /trpc bodies, and /trpc batches of a hundred calls. Each is refused early with a 4xx.
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { TRPC_MAX_BATCH_CALLS, TRPC_MAX_BODY_BYTES } from "../../../server/src/http/trpcLimits.ts";
import { startTestApp, TEST_ADMIN_TOKEN, type TestApp } from "../../support/httpApp.ts";

/** The web app's API needs an identity: these calls are an admin's. */
const auth = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

const GITHUB_SECRET = "odd-requests-github-secret";
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ webhookSecrets: { github: GITHUB_SECRET } });
});
afterAll(() => app.close());

const filters = encodeURIComponent(JSON.stringify({ from: "2026-11-01", to: "2026-12-01" }));

/** A GET batching `n` dashboard summaries, as the tRPC client would send it. */
function summaries(n: number): Promise<Response> {
  const input = encodeURIComponent(JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [i, { from: "2026-11-01", to: "2026-12-01" }]))));
  return fetch(`${app.url}/trpc/${Array(n).fill("dora.summary").join(",")}?batch=1&input=${input}`, { headers: auth });
}

describe("webhooks", () => {
  test("a validly signed GitHub delivery with a 3,000-character id is refused with 400, not 500", async () => {
    const body = JSON.stringify({ zen: "Design for failure.", hook_id: 7 });
    const res = await fetch(`${app.url}/webhooks/github`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-github-event": "ping",
        "x-github-delivery": "d".repeat(3_000),
        "x-hub-signature-256": `sha256=${createHmac("sha256", GITHUB_SECRET).update(body).digest("hex")}`,
      },
      body,
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/delivery id/);
  });
});

describe("/trpc bounds", () => {
  test("a declared body over the cap is refused with 413 before it is read", async () => {
    const res = await fetch(`${app.url}/trpc/settings.update`, {
      method: "POST",
      headers: { "content-type": "application/json", ...auth },
      body: JSON.stringify({ note: "x".repeat(TRPC_MAX_BODY_BYTES) }),
    });
    expect(res.status).toBe(413);
    await res.body?.cancel();
  });

  test("a streamed body without a length is cut off at the cap with 413", async () => {
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 64) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const res = await fetch(`${app.url}/trpc/settings.update`, {
      method: "POST",
      headers: { "content-type": "application/json", ...auth },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
    await res.body?.cancel();
  });

  test(`a batch of up to ${TRPC_MAX_BATCH_CALLS} calls runs; a batch of 100 is refused with 413`, async () => {
    const small = await summaries(2);
    expect(small.status).toBe(200);
    expect(await small.json()).toHaveLength(2);
    const huge = await summaries(100);
    expect(huge.status).toBe(413);
    expect((await huge.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  test("a single call is unaffected", async () => {
    const res = await fetch(`${app.url}/trpc/dora.summary?input=${filters}`, { headers: auth });
    expect(res.status).toBe(200);
  });
});
