// The pieces every malformed-request case is built from: three valid events to put a bad one
// after, the corpus build JUnit uploads attach to, webhook secrets and tokens, and the shape of a
// case (the request and the error it must get). The runner is ../badInput.test.ts.
import { createHmac } from "node:crypto";

export const secrets = { github: "github-secret-for-tests", gitlab: "gitlab-token-for-tests", pagerduty: "pagerduty-secret-for-tests" };
/** Filled in by the runner's setup; cases read them through a function, after it has run. */
export const tokens = { read: "", revoked: "" };

export const deployment0 = { type: "deployment", id: "bad-d", service: "web", status: "success", finishedAt: "2026-11-10T12:00:00Z" };
export const change0 = { type: "change", sha: "abcdef12", service: "web", committedAt: "2026-11-10T10:00:00Z" };
export const incident0 = { type: "incident", id: "bad-i", service: "web", openedAt: "2026-11-10T13:00:00Z" };
export const build0 = {
  type: "build",
  id: "bad-b",
  pipeline: "ci",
  commitSha: "abcdef12",
  status: "success",
  startedAt: "2026-11-10T10:00:00Z",
  finishedAt: "2026-11-10T10:08:00Z",
};
/** Three valid events before the bad one, so paths must carry the index. */
export const atIndex3 = (bad: object) => ({ events: [deployment0, change0, incident0, bad] });
export const batch = (...events: object[]) => ({ events });
/** An incident whose title is `depth` arrays deep, as text (JSON.stringify would overflow the stack). */
export const nestedBatch = (depth: number) =>
  `{"events":[{"type":"incident","id":"deep","openedAt":"2026-11-10T13:00:00Z","title":${"[".repeat(depth)}"x"${"]".repeat(depth)}}]}`;

export const hmac = (secret: string, body: string | Buffer) => createHmac("sha256", secret).update(body).digest("hex");
export const xml = (text: string) => ({ body: text, headers: { "content-type": "application/xml" } });

export interface Case {
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

/** One bad event after three good ones: a 400 whose details name `events[3].<field>`. */
export const badEvent = (name: string, event: object, field: string): Case => ({
  name,
  json: atIndex3(event),
  status: 400,
  code: "VALIDATION_FAILED",
  field: `events[3].${field}`,
});
