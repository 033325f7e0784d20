// Malformed events inside a well-formed batch: field types, presence and enums, dates, unknown
// fields, and the per-type endpoints. Each names the failing field by its path.
import { type Case, badEvent, deployment0, change0, incident0, build0 } from "./requests.ts";

/** Deployments whose finishedAt is not an instant Keel accepts. */
const badFinishedAt: [string, string | number][] = [
  ["February 30th", "2026-02-30T12:00:00Z"],
  ["the year 10000", "10000-01-01T00:00:00Z"],
  ["a date-time without offset", "2026-11-10T12:00:00"],
  ["a date without time", "2026-11-10"],
  ["hour 24", "2026-11-10T24:00:00Z"],
  ["before 1970", "1969-12-31T23:59:59Z"],
  ["epoch milliseconds", 1_763_000_000_000],
  ["an offset of +25:00", "2026-11-10T12:00:00+25:00"],
];

export const eventFieldCases: Case[] = [
  // Event fields: types, presence, enums
  badEvent("an event without type", { ...incident0, type: undefined }, "type"),
  badEvent("an unknown type", { ...incident0, type: "rollout" }, "type"),
  badEvent("a deployment without finishedAt", { ...deployment0, finishedAt: undefined }, "finishedAt"),
  badEvent("a deployment without id", { ...deployment0, id: undefined }, "id"),
  badEvent("a status in capitals", { ...deployment0, status: "SUCCESS" }, "status"),
  badEvent("a numeric id", { ...deployment0, id: 42 }, "id"),
  badEvent("a blank id", { ...deployment0, id: "   " }, "id"),
  badEvent("an id of 257 characters", { ...deployment0, id: "d".repeat(257) }, "id"),
  badEvent("a 5 MB title", { ...incident0, title: "t".repeat(5 * 1024 * 1024) }, "title"),
  badEvent("a string where a boolean goes", { ...incident0, notCausedByChange: "yes" }, "notCausedByChange"),
  badEvent("attempt as a string", { ...build0, attempt: "2" }, "attempt"),
  badEvent("negative responders", { ...incident0, responders: -1 }, "responders"),
  badEvent("a fractional PR number", { ...change0, prNumber: 1.5 }, "prNumber"),
  badEvent("a PR number beyond 32 bits", { ...change0, prNumber: 3_000_000_000 }, "prNumber"),
  badEvent("an empty label", { ...change0, labels: ["ok", ""] }, "labels[1]"),
  badEvent("a sha with spaces", { ...change0, sha: "not a sha" }, "sha"),
  badEvent("a URL that is not one", { ...incident0, url: "not a url" }, "url"),
  badEvent("a javascript: URL", { ...incident0, url: "javascript:alert(document.cookie)" }, "url"),

  // Dates
  ...badFinishedAt.map(([name, finishedAt]) => badEvent(name, { ...deployment0, finishedAt }, "finishedAt")),
  badEvent("a bad date inside a commit", { ...deployment0, commits: [{ sha: "abcdef12", committedAt: "2026-13-01T00:00:00Z" }] }, "commits[0].committedAt"),

  // Unknown fields (strict schemas)
  badEvent("an unknown field", { ...deployment0, colour: "red" }, "colour"),
  badEvent(
    "an unknown field in a commit",
    { ...deployment0, commits: [{ sha: "abcdef12", committedAt: "2026-11-10T10:00:00Z", author: "x" }] },
    "commits[0].author",
  ),
  {
    name: "a __proto__ key",
    body: `{"events":[{"type":"change","sha":"abcdef12","committedAt":"2026-11-10T10:00:00Z","__proto__":{"admin":true}}]}`,
    headers: { "content-type": "application/json" },
    status: 400,
    code: "VALIDATION_FAILED",
    field: "events[0].__proto__",
  },
  badEvent(
    "1,001 commits in a deployment",
    {
      ...deployment0,
      commits: Array.from({ length: 1_001 }, (_, i) => ({ sha: `c${String(i).padStart(7, "0")}`, committedAt: "2026-11-10T10:00:00Z" })),
    },
    "commits",
  ),

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
];
