// Connections Keel pulls history from (api.md "Connections"): what an admin sends to create one and
// what Keel answers about it. The token is write-only: no answer schema has it.
import { z } from "zod";
import { Text } from "./events.ts";

export const CONNECTION_KINDS = ["github", "gitlab", "pagerduty"] as const;
export const ConnectionStatusValues = ["idle", "syncing", "failed"] as const;
export type ConnectionStatusValue = (typeof ConnectionStatusValues)[number];

const repository = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, "must be owner/name, e.g. acme/checkout");
/** A day (2026-01-01, midnight UTC) or an ISO-8601 date-time with an offset. */
const Since = z
  .string()
  .trim()
  .refine(
    (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) || /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/.test(v)) && !Number.isNaN(Date.parse(v)),
    "must be a date (2026-01-01) or an ISO-8601 date-time",
  )
  .transform((v) => new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v).toISOString());
const apiUrl = z
  .url({ protocol: /^https?$/, error: "must be an http:// or https:// URL, e.g. https://github.example.com/api/v3" })
  .max(500)
  .transform((v) => v.replace(/\/+$/, ""));

/** What every code host's connection takes besides the list of what it reads. */
const codeHostSettings = {
  apiUrl: apiUrl.optional(),
  token: Text().trim().min(1, "must not be empty").max(500),
  environment: Text().trim().min(1).max(200).default("production"),
  since: Since.optional(),
  serviceFrom: z.literal("repository").default("repository"),
};

export const GithubConnectionCreate = z.strictObject({
  kind: z.literal("github"),
  /** apiUrl: GitHub Enterprise Server's https://HOST/api/v3. Default: https://api.github.com. */
  ...codeHostSettings,
  repositories: z.array(repository).min(1, "must name at least one repository").max(100),
});

/** A GitLab project by its path ("group/subgroup/name") or its numeric id (a number or digits). */
const gitlabProject = z.union([z.int().positive().transform(String), z.string()]).pipe(
  z
    .string()
    .trim()
    .regex(/^(\d+|[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)+)$/, "must be group/name (subgroups allowed) or a numeric project id"),
);

export const GitlabConnectionCreate = z.strictObject({
  kind: z.literal("gitlab"),
  /** apiUrl: a self-managed GitLab's https://HOST/api/v4. Default: https://gitlab.com/api/v4. */
  ...codeHostSettings,
  projects: z.array(gitlabProject).min(1, "must name at least one project").max(100),
});

/** A PagerDuty id: "PIJ90N7" (older objects) or a longer one such as "Q0RIJJZL24RC6W". */
const pagerdutyService = z
  .string()
  .trim()
  .regex(/^[A-Z0-9]{2,20}$/, "must be a PagerDuty service id, e.g. PIJ90N7");

export const PagerdutyConnectionCreate = z.strictObject({
  kind: z.literal("pagerduty"),
  /** PagerDuty's EU service region: https://api.eu.pagerduty.com. Default: https://api.pagerduty.com. */
  apiUrl: apiUrl.optional(),
  token: Text().trim().min(1, "must not be empty").max(500),
  /** The services whose incidents count; none: every service the token can read. */
  services: z.array(pagerdutyService).max(100).default([]),
  since: Since.optional(),
});

export const ConnectionCreate = z.discriminatedUnion("kind", [GithubConnectionCreate, GitlabConnectionCreate, PagerdutyConnectionCreate], {
  error: (issue) => (issue.code === "invalid_union" ? 'must be "github", "gitlab" or "pagerduty"' : undefined),
});
export type ConnectionCreateInput = z.input<typeof ConnectionCreate>;
export type ConnectionCreateData = z.output<typeof ConnectionCreate>;

export const ConnectionRef = z.strictObject({ id: z.uuid({ error: "must be a connection id" }) });

// What Keel answers about a connection: the types of its output schema (outputs/connections.ts).
export type { ConnectionCounts, ConnectionProgress, ConnectionView } from "./outputs/connections.ts";
