// PagerDuty REST incidents with their log entries → Keel incidents (pure). What an incident says of
// itself (id, service, severity, title, opened, url) maps as the webhook's does
// (ingest/pagerduty/map.ts), so a synced incident and a delivered one are one record; the log adds
// what only it keeps once an incident is resolved: when it was first acknowledged, and by whom.
import { z } from "zod";
import { incidentFields } from "../../ingest/pagerduty/map.ts";
import { IncidentData } from "../../ingest/pagerduty/payloadTypes.ts";
import { unreadable, type MapResult } from "../../ingest/mapResult.ts";

const RestIncident = IncidentData.extend({
  /** "triggered", "acknowledged" or "resolved". */
  status: z.string(),
  last_status_change_at: z.string().nullish(),
});

const Reference = z.object({ id: z.string().nullish(), type: z.string().nullish() }).nullish();

export const LogEntry = z.object({
  type: z.string(),
  created_at: z.string(),
  agent: Reference,
  /** assign_log_entry: the users the incident was assigned to. */
  assignees: z.array(Reference).nullish(),
});
export type LogEntry = z.infer<typeof LogEntry>;

export interface PagerdutyIncident {
  id: string;
  status: string;
  created_at: string;
}

export const isResolved = (incident: PagerdutyIncident) => incident.status === "resolved";

const times = (log: LogEntry[], type: string) =>
  log
    .filter((e) => e.type === type)
    .map((e) => e.created_at)
    .sort((a, b) => Date.parse(a) - Date.parse(b));

const isUser = (ref: z.infer<typeof Reference>): ref is { id: string; type?: string | null } => Boolean(ref?.id && ref.type?.startsWith("user"));

/** The people who worked the incident: who was assigned it, acknowledged it or resolved it. */
function responders(log: LogEntry[]): number | undefined {
  const people = new Set<string>();
  for (const entry of log) {
    if (entry.type === "assign_log_entry") for (const a of entry.assignees ?? []) if (isUser(a)) people.add(a.id);
    if ((entry.type === "acknowledge_log_entry" || entry.type === "resolve_log_entry") && isUser(entry.agent)) people.add(entry.agent.id);
  }
  // Nobody named (resolved by its integration, say): the cost model's default counts, not zero.
  return people.size > 0 ? people.size : undefined;
}

export function mapIncident(raw: unknown, log: LogEntry[]): MapResult {
  const parsed = RestIncident.safeParse(raw);
  if (!parsed.success) return unreadable(`incident ${String((raw as { id?: unknown }).id)}`, parsed.error);
  const incident = parsed.data;
  const resolved = incident.status === "resolved";
  return {
    events: [
      {
        ...incidentFields(incident),
        acknowledgedAt: times(log, "acknowledge_log_entry")[0],
        // PagerDuty's own time of the status change; the last resolve in the log where it has none.
        resolvedAt: resolved ? (incident.last_status_change_at ?? times(log, "resolve_log_entry").at(-1)) : undefined,
        responders: responders(log),
      },
    ],
    dropped: [],
  };
}
