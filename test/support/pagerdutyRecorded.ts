// PagerDuty's REST API v2 on loopback, answering as PagerDuty's documented examples do
// (developer.pagerduty.com "List incidents", "Get an incident", "List log entries for an incident"),
// from incidents the test describes. Lists page by offset (`more`), refuse an offset past 10,000 and
// a since→until range over six months as PagerDuty does; a 429 can be armed on any request; every
// request is kept, so tests see what a sync asked for.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

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

export interface RecordedPagerduty {
  apiUrl: string;
  incidents: RecordedIncident[];
  /** Paths (with query) asked for, in order. */
  requests: string[];
  /** Every request's Accept header. */
  accepts: string[];
  /** Every answer body sent, to search for secrets. */
  bodies: string[];
  /** The next request whose path starts with `prefix` is refused once: 429 with ratelimit-reset 30. */
  rateLimitOnce(prefix: string): void;
  /** Fail every request whose path starts with `prefix` with a 500 (a crash stand-in) until cleared. */
  breakPath(prefix: string | null): void;
  close(): Promise<void>;
}

const MAX_RANGE_MS = 183 * 86_400_000;
const error = (message: string, code: number, errors?: string[]) => ({ error: { message, code, ...(errors ? { errors } : {}) } });

export async function startRecordedPagerduty(incidents: RecordedIncident[], options: { token: string; pageSize?: number }): Promise<RecordedPagerduty> {
  const pageSize = options.pageSize ?? 100;
  const limits: string[] = [];
  let broken: string | null = null;
  const requests: string[] = [];
  const accepts: string[] = [];
  const bodies: string[] = [];
  let base = "";

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const text = JSON.stringify(body);
    bodies.push(text);
    res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
    res.end(text);
  };
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

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://recorded.invalid");
    requests.push(url.pathname + url.search);
    accepts.push(req.headers.accept ?? "");
    if (req.headers.authorization !== `Token token=${options.token}`) return send(res, 401, error("Unauthorized", 2006));
    if (broken && url.pathname.startsWith(broken)) return send(res, 500, error("Internal Server Error", 2000));
    const limit = limits.findIndex((prefix) => url.pathname.startsWith(prefix));
    if (limit >= 0) {
      limits.splice(limit, 1);
      return send(res, 429, error("Rate Limit Exceeded", 2020), { "ratelimit-limit": "960", "ratelimit-remaining": "0", "ratelimit-reset": "30" });
    }
    route(url, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiUrl: base,
    incidents,
    requests,
    accepts,
    bodies,
    rateLimitOnce: (prefix) => limits.push(prefix),
    breakPath: (prefix) => {
      broken = prefix;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
