// A refused request whose body is not read to the end (refused on its headers, or part way through
// a malformed upload) must still reach Node's own fetch (undici) as a whole answer, and the kept-
// alive connection must carry the next request: no "other side closed", no ECONNRESET.
import net from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { sendBuild, startTestApp, type TestApp } from "../../support/httpApp.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await sendBuild(app, { id: "b-whole", commitSha: "abc1234", startedAt: "2026-11-10T12:00:00Z", finishedAt: "2026-11-10T12:10:00Z" });
});
afterAll(() => app.close());

const bigJson = JSON.stringify({
  events: Array.from({ length: 5_000 }, (_, i) => ({ type: "change", sha: `s${i}`, committedAt: "nope", padding: "x".repeat(200) })),
});
const malformedXml = `<testsuite name="s"><testcase name="a"></wrong>${"<testcase name='x'/>".repeat(1_500_000)}</testsuite>`;

// A gzip header, then bytes that are not deflate data: decompression fails at once.
const brokenGzip = Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0x03]), Buffer.alloc(20 * 1024 * 1024, 0xff)]);

const cases: [string, string, RequestInit, number][] = [
  ["an invalid JSON batch", "/api/v1/events", { method: "POST", headers: { "content-type": "application/json" }, body: bigJson }, 400],
  [
    "a JSON batch without a token",
    "/api/v1/events",
    { method: "POST", headers: { "content-type": "application/json", authorization: "" }, body: bigJson },
    401,
  ],
  ["a JSON batch of the wrong type", "/api/v1/events", { method: "POST", headers: { "content-type": "text/plain" }, body: bigJson }, 415],
  [
    "a large malformed JUnit report",
    "/api/v1/builds/b-whole/junit?report=unit",
    { method: "POST", headers: { "content-type": "application/xml" }, body: malformedXml },
    400,
  ],
  [
    "a broken gzip JUnit report",
    "/api/v1/builds/b-whole/junit?report=unit",
    { method: "POST", headers: { "content-type": "application/xml", "content-encoding": "gzip" }, body: brokenGzip },
    400,
  ],
  [
    "a broken gzip JSON batch",
    "/api/v1/events",
    { method: "POST", headers: { "content-type": "application/json", "content-encoding": "gzip" }, body: brokenGzip },
    400,
  ],
  [
    "a JUnit report of the wrong type",
    "/api/v1/builds/b-whole/junit?report=unit",
    { method: "POST", headers: { "content-type": "text/plain" }, body: malformedXml },
    415,
  ],
  [
    "a JUnit report for no build",
    "/api/v1/builds/none/junit?report=unit",
    { method: "POST", headers: { "content-type": "application/xml" }, body: malformedXml },
    404,
  ],
];

describe("refused bodies on a kept-alive connection", () => {
  test.each(cases)("%s: a whole JSON answer, and the next request on the connection succeeds", async (_name, path, init, status) => {
    for (let i = 0; i < 6; i++) {
      const headers = { authorization: "Bearer test-admin-token-0123456789", ...(init.headers as Record<string, string>) };
      if (headers.authorization === "") delete (headers as Record<string, string | undefined>).authorization;
      const refused = await fetch(app.url + path, { ...init, headers });
      expect(refused.status).toBe(status);
      expect((await refused.json()).error.code).toEqual(expect.any(String));
      const next = await fetch(`${app.url}/healthz`);
      expect(next.status).toBe(200);
      await next.text();
    }
  });
});

/** Sends `head` and `body` on one socket, then a GET on the same socket; returns all that came back. */
async function twoOnOneSocket(head: string, body: Buffer): Promise<{ text: string; error?: string }> {
  const { port } = new URL(app.url);
  const socket = net.connect(Number(port), "127.0.0.1");
  let text = "";
  let error: string | undefined;
  socket.on("data", (d: Buffer) => (text += d.toString("latin1")));
  socket.on("error", (e: NodeJS.ErrnoException) => (error = e.code));
  const closed = new Promise((resolve) => socket.on("close", resolve));
  socket.write(head);
  for (let i = 0; i < body.length && !socket.destroyed; i += 1 << 20) await new Promise((resolve) => socket.write(body.subarray(i, i + (1 << 20)), resolve));
  if (!socket.destroyed) socket.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  socket.destroy();
  return { text, ...(error ? { error } : {}) };
}

describe("refused bodies on a raw kept-alive socket", () => {
  test.each([
    ["a malformed JUnit report", "", Buffer.from(malformedXml)],
    ["a broken gzip JUnit report", "Content-Encoding: gzip\r\n", brokenGzip],
  ])("%s is answered 400, and the next request on the socket is answered too", async (_name, extra, body) => {
    const head =
      `POST /api/v1/builds/b-whole/junit?report=unit HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer test-admin-token-0123456789\r\n` +
      `Content-Type: application/xml\r\n${extra}Content-Length: ${body.length}\r\n\r\n`;
    const { text, error } = await twoOnOneSocket(head, body);
    expect(error, text).toBeUndefined();
    expect(text.match(/HTTP\/1\.1 \d+/g)).toEqual(["HTTP/1.1 400", "HTTP/1.1 200"]);
  });
});
