// A corpus of malformed and hostile requests against every ingestion door (REST v1, JUnit, the
// last-deployment read, webhooks). Each must get the right 4xx with the JSON error shape of
// api.md "Errors", validation details naming the failing field by path, nothing internal in the
// body, a server that still answers, and not one row changed anywhere.
// The cases are by subject in badInput/; this file sends each and checks the answer.
import { ErrorResponse } from "@keel/shared";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createToken } from "../../server/src/services/tokens.ts";
import { startTestApp, type TestApp } from "../support/httpApp.ts";
import { snapshotCounts } from "../support/snapshotCounts.ts";
import { eventFieldCases } from "./badInput/eventFieldCases.ts";
import { junitCases } from "./badInput/junitCases.ts";
import { readCases } from "./badInput/readCases.ts";
import { build0, type Case, hmac, secrets, tokens } from "./badInput/requests.ts";
import { transportCases } from "./badInput/transportCases.ts";
import { webhookCases } from "./badInput/webhookCases.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ webhookSecrets: secrets });
  const build = await app.request("/api/v1/builds", { json: { ...build0, id: "corpus-build" } });
  expect(build.status).toBe(200);
  tokens.read = (await createToken({ db: app.database.prisma, input: { name: "reader", scope: "read" } })).token;
  const revoked = await createToken({ db: app.database.prisma, input: { name: "gone", scope: "admin" } });
  await app.database.prisma.apiToken.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } });
  tokens.revoked = revoked.token;
});
afterAll(() => app?.close());

const events = "/api/v1/events";
const cases: Case[] = [...transportCases, ...eventFieldCases, ...junitCases, ...readCases, ...webhookCases];

/** What a client must never see: stack frames, SQL, the ORM's name, raw exception text. */
const LEAKS = ["at ", "SELECT", "prisma", "Error:"];

describe("malformed requests", () => {
  test("the corpus is large enough", () => {
    expect(cases.length).toBeGreaterThanOrEqual(50);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  test.each(cases)("$name → $status", async (c) => {
    const before = await snapshotCounts(app.database.prisma);
    const res = await app.request(c.path ?? events, {
      method: c.method ?? "POST",
      ...(c.json !== undefined ? { json: c.json } : {}),
      ...(c.body !== undefined ? { body: c.body } : {}),
      ...(c.path?.includes("last-deployment") ? { method: "GET" } : {}),
      headers: c.headers ?? {},
      token: typeof c.token === "function" ? c.token() : c.token,
    });
    const text = await res.text();
    expect(res.status, text.slice(0, 500)).toBe(c.status);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const body = ErrorResponse.strict().parse(JSON.parse(text));
    expect(body.error.code).toBe(c.code);
    expect(body.error.message.length).toBeGreaterThan(0);
    if (c.field) expect(body.error.details?.map((d) => d.path)).toContain(c.field);
    for (const leak of LEAKS) expect(text, `the answer contains "${leak}"`).not.toContain(leak);
    expect((await app.request("/healthz", { token: null })).status).toBe(200);
    expect(await snapshotCounts(app.database.prisma)).toEqual(before);
  });
});

describe("bytes PostgreSQL cannot store, in a delivery a vendor signed", () => {
  test("a NUL and a lone surrogate are replaced, and the delivery is kept rather than lost to a 500", async () => {
    const body = JSON.stringify({ zen: "keep\u0000this", ["key\u0000"]: "broken \ud800 pair" });
    const res = await app.request("/webhooks/github", {
      method: "POST",
      body,
      token: null,
      headers: {
        "content-type": "application/json",
        "x-github-event": "ping",
        "x-github-delivery": "nul-1",
        "x-hub-signature-256": `sha256=${hmac(secrets.github, body)}`,
      },
    });
    expect(res.status).toBe(202);
    const row = await app.database.prisma.rawEvent.findUniqueOrThrow({ where: { dedupeKey: "github:nul-1" } });
    expect(row.payload).toEqual({ zen: "keep\ufffdthis", "key\ufffd": "broken \ufffd pair" });
  });
});
