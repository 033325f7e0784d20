// Malformed webhook deliveries: wrong or missing signatures and tokens, and signed bodies that
// are not what the vendor sends.
import { type Case, secrets, hmac } from "./requests.ts";

export const webhookCases: Case[] = [
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
