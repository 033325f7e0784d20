// Malformed requests refused before any event is read: who is asking, how the body is sent
// (content type, encoding, size, bytes) and the shape of the batch.
import { gzipSync } from "node:zlib";
import { type Case, badEvent, tokens, deployment0, incident0, atIndex3, batch, nestedBatch } from "./requests.ts";

export const transportCases: Case[] = [
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
  badEvent("a NUL byte in a string", { ...incident0, title: "before\u0000after" }, "title"),
  badEvent("a lone UTF-16 surrogate in a string", { ...incident0, service: "web\ud800" }, "service"),
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
];
