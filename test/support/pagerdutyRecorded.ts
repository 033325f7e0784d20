// PagerDuty's REST API v2 on loopback, answering as PagerDuty's documented examples do
// (developer.pagerduty.com "List incidents", "Get an incident", "List log entries for an incident"),
// from incidents the test describes. Lists page by offset (`more`), refuse an offset past 10,000 and
// a since→until range over six months as PagerDuty does; a 429 can be armed on any request; every
// request is kept, so tests see what a sync asked for (recordedApi.ts).
import type { ServerResponse } from "node:http";
import { startRecordedApi } from "./recordedApi.ts";
import type { RecordedApiOptions, RecordedServer, RecordedVendor, VendorAnswers } from "./recordedApi.ts";

export interface RecordedLogEntry {
  kind: "trigger" | "assign" | "acknowledge" | "resolve" | "notify";
  at: string;
  /** The user who acted (acknowledge, resolve). */
  user?: string;
  /** assign: the users assigned. */
  assignees?: string[];
}

export interface RecordedIncident {
  id: string;
  number: number;
  title: string;
  service: { id: string; name: string };
  urgency: "high" | "low";
  priority?: string;
  created_at: string;
  status: "triggered" | "acknowledged" | "resolved";
  last_status_change_at: string;
  log: RecordedLogEntry[];
}

export interface RecordedPagerduty extends Omit<RecordedVendor, "rateLimitOnce"> {
  incidents: RecordedIncident[];
  /** The next request whose path starts with `prefix` is refused once: 429 with ratelimit-reset 30. */
  rateLimitOnce(prefix: string): void;
}

const MAX_RANGE_MS = 183 * 86_400_000;
const error = (message: string, code: number, errors?: string[]) => ({ error: { message, code, ...(errors ? { errors } : {}) } });

/** How PagerDuty takes a token and refuses a request (developer.pagerduty.com: authentication, errors, rate limits). */
const PAGERDUTY: VendorAnswers = {
  authorized: (req, token) => req.headers.authorization === `Token token=${token}`,
  unauthorized: { status: 401, body: error("Unauthorized", 2006) },
  serverError: { status: 500, body: error("Internal Server Error", 2000) },
  rateLimited: () => ({
    status: 429,
    body: error("Rate Limit Exceeded", 2020),
    headers: { "ratelimit-limit": "960", "ratelimit-remaining": "0", "ratelimit-reset": "30" },
  }),
};

export async function startRecordedPagerduty(incidents: RecordedIncident[], options: RecordedApiOptions): Promise<RecordedPagerduty> {
  const api = await startRecordedApi(options, PAGERDUTY, (server) => pagerdutyRoutes(incidents, options.pageSize ?? 100, server));
  // PagerDuty refuses a request one way only.
  return { ...api, incidents, rateLimitOnce: (prefix) => api.rateLimitOnce(prefix, "reset") };
}

/** PagerDuty's answers about `incidents`, served from `base`. */
function pagerdutyRoutes(incidents: RecordedIncident[], pageSize: number, { origin: base, send }: RecordedServer) {
  const paged = (res: ServerResponse, url: URL, key: string, items: unknown[]) => {
    const limit = Math.min(Number(url.searchParams.get("limit") ?? 25), pageSize);
    const offset = Number(url.searchParams.get("offset") ?? 0);
    if (offset + limit > 10_000) return send(res, 400, error("Invalid Input Provided", 2001, ["Offset must be less than 10000."]));
    send(res, 200, { [key]: items.slice(offset, offset + limit), limit, offset, total: null, more: offset + limit < items.length });
  };
  const user = (id: string) => ({
    id,
    type: "user_reference",
    summary: `User ${id}`,
    self: `${base}/users/${id}`,
    html_url: `https://subdomain.pagerduty.com/users/${id}`,
  });
  const serviceRef = (i: RecordedIncident) => ({
    id: i.service.id,
    type: "service_reference",
    summary: i.service.name,
    self: `${base}/services/${i.service.id}`,
    html_url: `https://subdomain.pagerduty.com/service-directory/${i.service.id}`,
  });
  const incidentJson = (i: RecordedIncident) => {
    const acks = i.log.filter((e) => e.kind === "acknowledge" && e.user);
    const assigned = i.log.filter((e) => e.kind === "assign").flatMap((e) => (e.assignees ?? []).map((a) => ({ at: e.at, assignee: user(a) })));
    return {
      id: i.id,
      type: "incident",
      summary: `[#${i.number}] ${i.title}`,
      self: `${base}/incidents/${i.id}`,
      html_url: `https://subdomain.pagerduty.com/incidents/${i.id}`,
      incident_number: i.number,
      title: i.title,
      created_at: i.created_at,
      updated_at: i.last_status_change_at,
      status: i.status,
      incident_key: `baf7cf21b1da41b4b0221008339ff357-${i.number}`,
      service: serviceRef(i),
      // As PagerDuty does: a resolved incident has no assignments or acknowledgements left.
      assignments: i.status === "resolved" ? [] : assigned,
      acknowledgements: i.status === "acknowledged" ? acks.map((e) => ({ at: e.at, acknowledger: user(e.user ?? "") })) : [],
      last_status_change_at: i.last_status_change_at,
      last_status_change_by: serviceRef(i),
      first_trigger_log_entry: { id: `R${i.id}0`, type: "trigger_log_entry_reference" },
      escalation_policy: { id: "PT20YPA", type: "escalation_policy_reference", summary: "Another Escalation Policy" },
      teams: [],
      priority: i.priority ? { id: `PRI${i.priority}`, type: "priority", summary: i.priority, name: i.priority } : null,
      urgency: i.urgency,
      resolve_reason: null,
      alert_counts: { all: 2, triggered: i.status === "resolved" ? 0 : 1, resolved: i.status === "resolved" ? 2 : 1 },
      is_mergeable: true,
    };
  };
  const logJson = (i: RecordedIncident, e: RecordedLogEntry, n: number) => ({
    id: `R${i.id}${n}`,
    type: `${e.kind}_log_entry`,
    summary: `${e.kind} ${i.id}`,
    self: `${base}/log_entries/R${i.id}${n}`,
    html_url: null,
    created_at: e.at,
    agent: e.user ? user(e.user) : serviceRef(i),
    channel: { type: e.user ? "web_trigger" : "api" },
    service: serviceRef(i),
    incident: { id: i.id, type: "incident_reference", summary: `[#${i.number}] ${i.title}` },
    teams: [],
    contexts: [],
    ...(e.assignees ? { assignees: e.assignees.map(user) } : {}),
  });

  const route = (url: URL, res: ServerResponse) => {
    const p = url.pathname;
    let m: RegExpExecArray | null;
    if (p === "/incidents") {
      const since = url.searchParams.get("since");
      const until = url.searchParams.get("until");
      if (since && until && Date.parse(until) - Date.parse(since) > MAX_RANGE_MS)
        return send(res, 400, error("Invalid Input Provided", 2001, ["Date Range must be less than 6 months."]));
      const services = url.searchParams.getAll("service_ids[]");
      const statuses = url.searchParams.getAll("statuses[]");
      const listed = incidents
        .filter(
          (i) =>
            (!since || i.created_at >= since) &&
            (!until || i.created_at < until) &&
            (services.length === 0 || services.includes(i.service.id)) &&
            (statuses.length === 0 || statuses.includes(i.status)),
        )
        .sort((a, b) => a.created_at.localeCompare(b.created_at) || a.number - b.number);
      return paged(res, url, "incidents", listed.map(incidentJson));
    }
    if ((m = /^\/incidents\/([^/]+)(\/log_entries)?$/.exec(p))) {
      const incident = incidents.find((i) => i.id === m?.[1]);
      if (!incident) return send(res, 404, error("Not Found", 2100));
      if (!m[2]) return send(res, 200, { incident: incidentJson(incident) });
      // Newest first, as PagerDuty lists log entries.
      const entries = incident.log.map((e, n) => logJson(incident, e, n)).reverse();
      return paged(res, url, "log_entries", entries);
    }
    return send(res, 404, error("Not Found", 2100));
  };

  return route;
}
