// A corpus of malformed and hostile requests against every ingestion door (REST v1, JUnit, the
// last-deployment read, webhooks). Each must get the right 4xx with the JSON error shape of
// api.md "Errors", validation details naming the failing field by path, nothing internal in the
// body, a server that still answers, and not one row changed anywhere.
import { createHmac } from "node:crypto";
import { gzipSync } from "node:zlib";
import { ErrorResponse } from "@keel/shared";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createToken } from "../../server/src/services/tokens.ts";
import { startTestApp, type TestApp } from "../support/httpApp.ts";
import { snapshotCounts } from "../support/snapshotCounts.ts";

const secrets = { github: "github-secret-for-tests", gitlab: "gitlab-token-for-tests", pagerduty: "pagerduty-secret-for-tests" };
const tokens = { read: "", revoked: "" };

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

const deployment0 = { type: "deployment", id: "bad-d", service: "web", status: "success", finishedAt: "2026-11-10T12:00:00Z" };
const change0 = { type: "change", sha: "abcdef12", service: "web", committedAt: "2026-11-10T10:00:00Z" };
const incident0 = { type: "incident", id: "bad-i", service: "web", openedAt: "2026-11-10T13:00:00Z" };
const build0 = {
  type: "build",
  id: "bad-b",
  pipeline: "ci",
  commitSha: "abcdef12",
  status: "success",
  startedAt: "2026-11-10T10:00:00Z",
  finishedAt: "2026-11-10T10:08:00Z",
};
/** Three valid events before the bad one, so paths must carry the index. */
const atIndex3 = (bad: object) => ({ events: [deployment0, change0, incident0, bad] });
const batch = (...events: object[]) => ({ events });
/** An incident whose title is `depth` arrays deep, as text (JSON.stringify would overflow the stack). */
const nestedBatch = (depth: number) =>
  `{"events":[{"type":"incident","id":"deep","openedAt":"2026-11-10T13:00:00Z","title":${"[".repeat(depth)}"x"${"]".repeat(depth)}}]}`;

const hmac = (secret: string, body: string | Buffer) => createHmac("sha256", secret).update(body).digest("hex");
const xml = (text: string) => ({ body: text, headers: { "content-type": "application/xml" } });

interface Case {
  name: string;
  path?: string;
  method?: string;
  /** Sent as JSON with Content-Type application/json. */
  json?: unknown;
  body?: string | Buffer;
  headers?: Record<string, string>;
  /** undefined: the admin token; null: no Authorization header. */
  token?: string | null | (() => string);
  status: number;
  code: string;
  /** A path the details must name. */
  field?: string;
}

const events = "/api/v1/events";
const junit = (report = "corpus") => `/api/v1/builds/corpus-build/junit?report=${report}`;
const lastDeployment = (query = "") => `/api/v1/services/web/last-deployment${query}`;

const cases: Case[] = [
  // Auth
  { name: "no Authorization header", json: batch(deployment0), token: null, status: 401, code: "UNAUTHORIZED" },
  { name: "an unknown token", json: batch(deployment0), token: "keel_not-a-real-token", status: 401, code: "UNAUTHORIZED" },
  {
    name: "a Basic scheme instead of Bearer",
    json: batch(deployment0),
    token: null,
    headers: { authorization: "Basic dXNlcjpwYXNz" },
    status: 401,
    code: "UNAUTHORIZED",
  },
  { name: "Bearer without a token", json: batch(deployment0), token: null, headers: { authorization: "Bearer " }, status: 401, code: "UNAUTHORIZED" },
  { name: "a revoked token", json: batch(deployment0), token: () => tokens.revoked, status: 401, code: "UNAUTHORIZED" },
  { name: "a read token on an ingest endpoint", json: batch(deployment0), token: () => tokens.read, status: 403, code: "FORBIDDEN" },

  // Content type, encoding, size, bytes
  { name: "text/plain", body: JSON.stringify(batch(deployment0)), headers: { "content-type": "text/plain" }, status: 415, code: "UNSUPPORTED_MEDIA_TYPE" },
  { name: "no content type", body: JSON.stringify(batch(deployment0)), status: 415, code: "UNSUPPORTED_MEDIA_TYPE" },
  { name: "XML sent to the JSON endpoint", body: "<events/>", headers: { "content-type": "application/xml" }, status: 415, code: "UNSUPPORTED_MEDIA_TYPE" },
  {
    name: "a charset other than UTF-8",
    body: JSON.stringify(batch(deployment0)),
    headers: { "content-type": "application/json; charset=latin1" },
    status: 415,
    code: "UNSUPPORTED_MEDIA_TYPE",
  },
  {
    name: "an unsupported content encoding",
    body: JSON.stringify(batch(deployment0)),
    headers: { "content-type": "application/json", "content-encoding": "compress" },
    status: 415,
    code: "UNSUPPORTED_MEDIA_TYPE",
  },
  {
    name: "gzip declared, plain text sent",
    body: JSON.stringify(batch(deployment0)),
    headers: { "content-type": "application/json", "content-encoding": "gzip" },
    status: 400,
    code: "VALIDATION_FAILED",
  },
  { name: "an empty body", body: "", headers: { "content-type": "application/json" }, status: 400, code: "VALIDATION_FAILED", field: "events" },
  { name: "a JSON null", body: "null", headers: { "content-type": "application/json" }, status: 400, code: "VALIDATION_FAILED" },
  { name: "truncated JSON", body: '{"events":[{"type":"deployment"', headers: { "content-type": "application/json" }, status: 400, code: "VALIDATION_FAILED" },
  { name: "a JSON array at /events", json: [deployment0], status: 400, code: "VALIDATION_FAILED", field: "(body)" },
  { name: "a body over 10 MB", json: batch({ ...incident0, title: "x".repeat(11 * 1024 * 1024) }), status: 413, code: "PAYLOAD_TOO_LARGE" },
  {
    name: "a gzip bomb (20 MB inflated)",
    body: gzipSync(JSON.stringify(batch({ ...incident0, title: " ".repeat(20 * 1024 * 1024) }))),
    headers: { "content-type": "application/json", "content-encoding": "gzip" },
    status: 413,
    code: "PAYLOAD_TOO_LARGE",
  },
  {
    name: "bytes that are not UTF-8",
    body: Buffer.concat([Buffer.from('{"events":[{"type":"incident","id":"caf'), Buffer.from([0xe9]), Buffer.from('","openedAt":"2026-11-10T13:00:00Z"}]}')]),
    headers: { "content-type": "application/json" },
    status: 400,
    code: "VALIDATION_FAILED",
  },
  {
    name: "a NUL byte in a string",
    json: atIndex3({ ...incident0, title: "before\u0000after" }),
    status: 400,
    code: "VALIDATION_FAILED",
    field: "events[3].title",
  },
  {
    name: "a lone UTF-16 surrogate in a string",
    json: atIndex3({ ...incident0, service: "web\ud800" }),
    status: 400,
    code: "VALIDATION_FAILED",
    field: "events[3].service",
  },
  {
    name: "JSON nested 100,000 levels deep",
    body: nestedBatch(100_000),
    headers: { "content-type": "application/json" },
    status: 400,
    code: "VALIDATION_FAILED",
  },

  // Shape of the batch
  { name: "no events field", json: {}, status: 400, code: "VALIDATION_FAILED", field: "events" },
  { name: "events is an object", json: { events: { 0: deployment0 } }, status: 400, code: "VALIDATION_FAILED", field: "events" },
  { name: "an empty batch", json: batch(), status: 400, code: "VALIDATION_FAILED", field: "events" },
  {
    name: "5,001 events",
    json: { events: Array.from({ length: 5_001 }, (_, i) => ({ ...incident0, id: `many-${i}` })) },
    status: 413,
    code: "PAYLOAD_TOO_LARGE",
  },
  {
    name: "5,001 events to a per-type endpoint",
    path: "/api/v1/incidents",
    json: Array.from({ length: 5_001 }, (_, i) => ({ ...incident0, type: undefined, id: `many-${i}` })),
    status: 413,
    code: "PAYLOAD_TOO_LARGE",
  },
  { name: "a field beside events", json: { events: [deployment0], dryRun: true }, status: 400, code: "VALIDATION_FAILED", field: "dryRun" },
  { name: "a null event", json: atIndex3(null as unknown as object), status: 400, code: "VALIDATION_FAILED", field: "events[3]" },

  // Event fields: types, presence, enums
  { name: "an event without type", json: atIndex3({ ...incident0, type: undefined }), status: 400, code: "VALIDATION_FAILED", field: "events[3].type" },
  { name: "an unknown type", json: atIndex3({ ...incident0, type: "rollout" }), status: 400, code: "VALIDATION_FAILED", field: "events[3].type" },
  {
    name: "a deployment without finishedAt",
    json: atIndex3({ ...deployment0, finishedAt: undefined }),
    status: 400,
    code: "VALIDATION_FAILED",
    field: "events[3].finishedAt",
  },
  { name: "a deployment without id", json: atIndex3({ ...deployment0, id: undefined }), status: 400, code: "VALIDATION_FAILED", field: "events[3].id" },
  { name: "a status in capitals", json: atIndex3({ ...deployment0, status: "SUCCESS" }), status: 400, code: "VALIDATION_FAILED", field: "events[3].status" },
  { name: "a numeric id", json: atIndex3({ ...deployment0, id: 42 }), status: 400, code: "VALIDATION_FAILED", field: "events[3].id" },
  { name: "a blank id", json: atIndex3({ ...deployment0, id: "   " }), status: 400, code: "VALIDATION_FAILED", field: "events[3].id" },
  { name: "an id of 257 characters", json: atIndex3({ ...deployment0, id: "d".repeat(257) }), status: 400, code: "VALIDATION_FAILED", field: "events[3].id" },
  {
    name: "a 5 MB title",
    json: atIndex3({ ...incident0, title: "t".repeat(5 * 1024 * 1024) }),
    status: 400,
    code: "VALIDATION_FAILED",
    field: "events[3].title",
  },
  {
    name: "a string where a boolean goes",
    json: atIndex3({ ...incident0, notCausedByChange: "yes" }),
    status: 400,
    code: "VALIDATION_FAILED",
    field: "events[3].notCausedByChange",
  },
  { name: "attempt as a string", json: atIndex3({ ...build0, attempt: "2" }), status: 400, code: "VALIDATION_FAILED", field: "events[3].attempt" },
  { name: "negative responders", json: atIndex3({ ...incident0, responders: -1 }), status: 400, code: "VALIDATION_FAILED", field: "events[3].responders" },
  { name: "a fractional PR number", json: atIndex3({ ...change0, prNumber: 1.5 }), status: 400, code: "VALIDATION_FAILED", field: "events[3].prNumber" },
  {
    name: "a PR number beyond 32 bits",
    json: atIndex3({ ...change0, prNumber: 3_000_000_000 }),
    status: 400,
    code: "VALIDATION_FAILED",
    field: "events[3].prNumber",
  },
  { name: "an empty label", json: atIndex3({ ...change0, labels: ["ok", ""] }), status: 400, code: "VALIDATION_FAILED", field: "events[3].labels[1]" },
  { name: "a sha with spaces", json: atIndex3({ ...change0, sha: "not a sha" }), status: 400, code: "VALIDATION_FAILED", field: "events[3].sha" },
  { name: "a URL that is not one", json: atIndex3({ ...incident0, url: "not a url" }), status: 400, code: "VALIDATION_FAILED", field: "events[3].url" },
  {
    name: "a javascript: URL",
    json: atIndex3({ ...incident0, url: "javascript:alert(document.cookie)" }),
    status: 400,
    code: "VALIDATION_FAILED",
    field: "events[3].url",
  },

  // Dates
  {
    name: "February 30th",
    json: atIndex3({ ...deployment0, finishedAt: "2026-02-30T12:00:00Z" }),
    status: 400,
    code: "VALIDATION_FAILED",
    field: "events[3].finishedAt",
  },
  {
    name: "the year 10000",
    json: atIndex3({ ...deployment0, finishedAt: "10000-01-01T00:00:00Z" }),
    status: 400,
    code: "VALIDATION_FAILED",
    field: "events[3].finishedAt",
  },
  {
    name: "a date-time without offset",
    json: atIndex3({ ...deployment0, finishedAt: "2026-11-10T12:00:00" }),
    status: 400,
    code: "VALIDATION_FAILED",
    field: "events[3].finishedAt",
  },
  {
    name: "a date without time",
    json: atIndex3({ ...deployment0, finishedAt: "2026-11-10" }),
    status: 400,
    code: "VALIDATION_FAILED",
    field: "events[3].finishedAt",
  },
  {
    name: "hour 24",
    json: atIndex3({ ...deployment0, finishedAt: "2026-11-10T24:00:00Z" }),
    status: 400,
    code: "VALIDATION_FAILED",
    field: "events[3].finishedAt",
  },
  {
    name: "before 1970",
    json: atIndex3({ ...deployment0, finishedAt: "1969-12-31T23:59:59Z" }),
    status: 400,
    code: "VALIDATION_FAILED",
    field: "events[3].finishedAt",
  },
  {
    name: "epoch milliseconds",
    json: atIndex3({ ...deployment0, finishedAt: 1_763_000_000_000 }),
    status: 400,
    code: "VALIDATION_FAILED",
    field: "events[3].finishedAt",
  },
  {
    name: "an offset of +25:00",
    json: atIndex3({ ...deployment0, finishedAt: "2026-11-10T12:00:00+25:00" }),
    status: 400,
    code: "VALIDATION_FAILED",
    field: "events[3].finishedAt",
  },
  {
    name: "a bad date inside a commit",
    json: atIndex3({ ...deployment0, commits: [{ sha: "abcdef12", committedAt: "2026-13-01T00:00:00Z" }] }),
    status: 400,
    code: "VALIDATION_FAILED",
    field: "events[3].commits[0].committedAt",
  },

  // Unknown fields (strict schemas)
  { name: "an unknown field", json: atIndex3({ ...deployment0, colour: "red" }), status: 400, code: "VALIDATION_FAILED", field: "events[3].colour" },
  {
    name: "an unknown field in a commit",
    json: atIndex3({ ...deployment0, commits: [{ sha: "abcdef12", committedAt: "2026-11-10T10:00:00Z", author: "x" }] }),
    status: 400,
    code: "VALIDATION_FAILED",
    field: "events[3].commits[0].author",
  },
  {
    name: "a __proto__ key",
    body: `{"events":[{"type":"change","sha":"abcdef12","committedAt":"2026-11-10T10:00:00Z","__proto__":{"admin":true}}]}`,
    headers: { "content-type": "application/json" },
    status: 400,
    code: "VALIDATION_FAILED",
    field: "events[0].__proto__",
  },
  {
    name: "1,001 commits in a deployment",
    json: atIndex3({
      ...deployment0,
      commits: Array.from({ length: 1_001 }, (_, i) => ({ sha: `c${String(i).padStart(7, "0")}`, committedAt: "2026-11-10T10:00:00Z" })),
    }),
    status: 400,
    code: "VALIDATION_FAILED",
    field: "events[3].commits",
  },

  // Per-type endpoints
  { name: "a deployment posted to /builds", path: "/api/v1/builds", json: deployment0, status: 400, code: "VALIDATION_FAILED", field: "type" },
  {
    name: "an array with one bad incident",
    path: "/api/v1/incidents",
    json: [incident0, incident0, { ...incident0, openedAt: "soon" }],
    status: 400,
    code: "VALIDATION_FAILED",
    field: "[2].openedAt",
  },
  {
    name: "a bare string to /changes",
    path: "/api/v1/changes",
    body: '"abcdef12"',
    headers: { "content-type": "application/json" },
    status: 400,
    code: "VALIDATION_FAILED",
  },

  // JUnit uploads
  { name: "JUnit: broken XML", path: junit(), ...xml("<testsuites><testsuite name='a'><testcase"), status: 400, code: "VALIDATION_FAILED" },
  {
    name: "JUnit: a DTD",
    path: junit(),
    ...xml('<?xml version="1.0"?><!DOCTYPE testsuites [<!ELEMENT testsuites ANY>]><testsuites/>'),
    status: 400,
    code: "VALIDATION_FAILED",
  },
  {
    name: "JUnit: billion laughs",
    path: junit(),
    ...xml(
      `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ""};`.repeat(10)}">`).join("")}]><testsuites name="&lol9;"/>`,
    ),
    status: 400,
    code: "VALIDATION_FAILED",
  },
  {
    name: "JUnit: an external entity",
    path: junit(),
    ...xml('<?xml version="1.0"?><!DOCTYPE t [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><testsuites name="&xxe;"/>'),
    status: 400,
    code: "VALIDATION_FAILED",
  },
  { name: "JUnit: an undeclared entity", path: junit(), ...xml('<testsuites name="&secret;"/>'), status: 400, code: "VALIDATION_FAILED" },
  { name: "JUnit: not a JUnit document", path: junit(), ...xml("<html><body/></html>"), status: 400, code: "VALIDATION_FAILED" },
  {
    name: "JUnit: JSON content type",
    path: junit(),
    body: "<testsuites/>",
    headers: { "content-type": "application/json" },
    status: 415,
    code: "UNSUPPORTED_MEDIA_TYPE",
  },
  {
    name: "JUnit: gzip declared, plain XML sent",
    path: junit(),
    body: "<testsuites/>",
    headers: { "content-type": "application/xml", "content-encoding": "gzip" },
    status: 400,
    code: "VALIDATION_FAILED",
  },
  {
    name: "JUnit: Latin-1 bytes",
    path: junit(),
    body: Buffer.concat([Buffer.from('<testsuites name="caf'), Buffer.from([0xe9]), Buffer.from('"/>')]),
    headers: { "content-type": "application/xml" },
    status: 400,
    code: "VALIDATION_FAILED",
  },
  { name: "JUnit: an unknown build", path: "/api/v1/builds/no-such-build/junit", ...xml("<testsuites/>"), status: 404, code: "NOT_FOUND" },
  {
    name: "JUnit: a NUL in the build id",
    path: "/api/v1/builds/corpus%00build/junit",
    ...xml("<testsuites/>"),
    status: 400,
    code: "VALIDATION_FAILED",
    field: "buildId",
  },
  {
    name: "JUnit: a report name with a path escape",
    path: junit("..%5C..%5Cx%3F"),
    ...xml("<testsuites/>"),
    status: 400,
    code: "VALIDATION_FAILED",
    field: "report",
  },
  { name: "JUnit: two report names", path: `${junit()}&report=again`, ...xml("<testsuites/>"), status: 400, code: "VALIDATION_FAILED", field: "report" },

  // Reading: filters with text PostgreSQL cannot compare
  {
    name: "DORA metrics: a NUL in the team",
    method: "GET",
    path: "/api/v1/metrics/dora?from=2026-11-02&to=2026-11-16&team=a%00b",
    status: 400,
    code: "VALIDATION_FAILED",
    field: "team",
  },
  {
    name: "hours lost: a NUL in the environment",
    method: "GET",
    path: "/api/v1/metrics/hours-lost?environment=prod%00",
    status: 400,
    code: "VALIDATION_FAILED",
    field: "environment",
  },
  {
    name: "flaky tests: a NUL in the team",
    method: "GET",
    path: "/api/v1/metrics/flaky-tests?team=a%00b",
    status: 400,
    code: "VALIDATION_FAILED",
    field: "team",
  },
  {
    name: "weekly report: a NUL in the team",
    method: "GET",
    path: "/api/v1/reports/weekly?week=2026-W46&team=a%00b",
    status: 400,
    code: "VALIDATION_FAILED",
    field: "team",
  },

  // The last-deployment read
  { name: "last deployment: a NUL in the slug", path: "/api/v1/services/w%00b/last-deployment", status: 400, code: "VALIDATION_FAILED", field: "slug" },
  { name: "last deployment: broken percent-encoding", path: "/api/v1/services/%E0%A4%A/last-deployment", status: 400, code: "VALIDATION_FAILED" },
  { name: "last deployment: an empty environment", path: lastDeployment("?environment="), status: 400, code: "VALIDATION_FAILED", field: "environment" },
  {
    name: "last deployment: environment given twice",
    path: lastDeployment("?environment=a&environment=b"),
    status: 400,
    code: "VALIDATION_FAILED",
    field: "environment",
  },
  { name: "last deployment: an unknown parameter", path: lastDeployment("?env=prod"), status: 400, code: "VALIDATION_FAILED", field: "env" },
  { name: "last deployment: an ingest-only call without a token", path: lastDeployment(), token: null, status: 401, code: "UNAUTHORIZED" },

  // Webhooks
  ...[
    ["GitHub: a wrong signature", "/webhooks/github", { "x-github-event": "push", "x-hub-signature-256": `sha256=${"0".repeat(64)}` }],
    ["GitHub: no signature", "/webhooks/github", { "x-github-event": "push" }],
    ["GitHub: a signature that is not hex", "/webhooks/github", { "x-github-event": "push", "x-hub-signature-256": "sha256=zz" }],
    ["GitHub: signed with another secret", "/webhooks/github", { "x-github-event": "push", "x-hub-signature-256": `sha256=${hmac("other", "{}")}` }],
    ["GitLab: a wrong token", "/webhooks/gitlab", { "x-gitlab-event": "Push Hook", "x-gitlab-token": "nope" }],
    ["PagerDuty: a wrong signature", "/webhooks/pagerduty", { "x-pagerduty-signature": `v1=${"ab".repeat(32)}` }],
  ].map(
    ([name, path, headers]): Case => ({
      name: name as string,
      path: path as string,
      body: "{}",
      token: null,
      headers: { "content-type": "application/json", ...(headers as Record<string, string>) },
      status: 401,
      code: "UNAUTHORIZED",
    }),
  ),
  {
    name: "GitHub: signed, but not JSON",
    path: "/webhooks/github",
    body: "{not json",
    token: null,
    headers: { "content-type": "application/json", "x-github-event": "push", "x-hub-signature-256": `sha256=${hmac(secrets.github, "{not json")}` },
    status: 400,
    code: "VALIDATION_FAILED",
  },
  {
    name: "GitHub: signed, but a JSON array",
    path: "/webhooks/github",
    body: "[1,2]",
    token: null,
    headers: { "content-type": "application/json", "x-github-event": "push", "x-hub-signature-256": `sha256=${hmac(secrets.github, "[1,2]")}` },
    status: 400,
    code: "VALIDATION_FAILED",
  },
  {
    name: "GitHub: signed, without X-GitHub-Event",
    path: "/webhooks/github",
    body: "{}",
    token: null,
    headers: { "content-type": "application/json", "x-hub-signature-256": `sha256=${hmac(secrets.github, "{}")}` },
    status: 400,
    code: "VALIDATION_FAILED",
  },
  {
    name: "GitHub: signed, nested 5,000 levels deep",
    path: "/webhooks/github",
    body: `{"zen":${"[".repeat(5_000)}1${"]".repeat(5_000)}}`,
    token: null,
    headers: {
      "content-type": "application/json",
      "x-github-event": "ping",
      "x-hub-signature-256": `sha256=${hmac(secrets.github, `{"zen":${"[".repeat(5_000)}1${"]".repeat(5_000)}}`)}`,
    },
    status: 400,
    code: "VALIDATION_FAILED",
  },
  {
    name: "GitHub: a 6 MB delivery",
    path: "/webhooks/github",
    body: JSON.stringify({ padding: "x".repeat(6 * 1024 * 1024) }),
    token: null,
    headers: { "content-type": "application/json", "x-github-event": "push", "x-hub-signature-256": "sha256=00" },
    status: 413,
    code: "PAYLOAD_TOO_LARGE",
  },
];

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
