// A PagerDuty connection's sync: incidents (of the configured services, or all the token reads),
// each with its log entries (first acknowledgement, responders). Two passes: the incidents still
// open at the last sync are read again by id (a resolve upstream updates its record in place), then
// the incidents created since the cursor, oldest first, window by window. The cursor is written
// after each page's records are stored, so a killed sync resumes from its last page.
import { DAY_MS, HOUR_MS } from "@keel/shared/calendar";
import type { PagerdutyConfig } from "../../services/connections/connectionView.ts";
import type { SyncContext } from "../types.ts";
import { offsetPages, pagerdutyClient, PagerdutyError, type Params, type PagerdutyClient } from "./client.ts";
import { isResolved, LogEntry, mapIncident, type PagerdutyIncident } from "./map.ts";

const RESOURCE = "incidents";
/** PagerDuty caps a list's since→until range (six months); a quarter stays well inside it. */
const WINDOW_MS = 90 * DAY_MS;
/** With no `since`, a year of history. */
const DEFAULT_HISTORY_MS = 365 * DAY_MS;
/** A new incident may show in lists a moment late: the next sync looks back this far again. */
const SETTLE_MS = HOUR_MS;

interface IncidentCursor {
  /** Where the next walk starts (created_at, inclusive). */
  since: string;
  /** Incidents stored while not yet resolved: read again by id until they are. */
  open: string[];
}

interface State {
  since: string;
  open: Set<string>;
}

const iso = (ms: number) => new Date(ms).toISOString();

export async function syncPagerduty(config: PagerdutyConfig, token: string, ctx: SyncContext): Promise<void> {
  const client = pagerdutyClient({ apiUrl: config.apiUrl, token, clock: ctx.clock, onWait: (ms) => ctx.rateLimitWait(ms), signal: ctx.signal });
  const cursor = await ctx.cursor<IncidentCursor>(RESOURCE);
  const state: State = {
    since: cursor?.since ?? config.since ?? iso(ctx.clock.now() - DEFAULT_HISTORY_MS),
    open: new Set(cursor?.open ?? []),
  };
  await rereadOpen(client, ctx, state);
  await walkCreated(client, ctx, config, state);
}

const save = (ctx: SyncContext, state: State) => ctx.saveCursor(RESOURCE, { since: state.since, open: [...state.open] } satisfies IncidentCursor);

/** Stores incidents (with their logs) in one batch, and keeps the open set current. */
async function store(client: PagerdutyClient, ctx: SyncContext, state: State, incidents: PagerdutyIncident[]) {
  const events = [];
  for (const incident of incidents) {
    events.push(...mapIncident(incident, await logEntries(client, incident.id)).events);
    if (isResolved(incident)) state.open.delete(incident.id);
    else state.open.add(incident.id);
  }
  const stored = await ctx.record(events);
  ctx.counted("incidents", stored.created);
}

async function logEntries(client: PagerdutyClient, id: string): Promise<LogEntry[]> {
  const entries: LogEntry[] = [];
  for await (const page of offsetPages<unknown>(client, `/incidents/${encodeURIComponent(id)}/log_entries`, "log_entries", [["time_zone", "UTC"]])) {
    // An entry of a shape Keel does not read is left out; the rest still count.
    for (const item of page.items) {
      const entry = LogEntry.safeParse(item);
      if (entry.success) entries.push(entry.data);
    }
  }
  return entries;
}

async function rereadOpen(client: PagerdutyClient, ctx: SyncContext, state: State) {
  for (const id of [...state.open]) {
    await ctx.page(RESOURCE);
    try {
      const { incident } = await client.get<{ incident: PagerdutyIncident }>(`/incidents/${encodeURIComponent(id)}`, [["time_zone", "UTC"]]);
      await store(client, ctx, state, [incident]);
    } catch (error) {
      // Deleted upstream: its record stays (as with GitHub), and it is no longer followed.
      if (!(error instanceof PagerdutyError && error.httpStatus === 404)) throw error;
      state.open.delete(id);
    }
    await save(ctx, state);
  }
}

async function walkCreated(client: PagerdutyClient, ctx: SyncContext, config: PagerdutyConfig, state: State) {
  const end = ctx.clock.now();
  const walkFrom = state.since;
  const services: Params = config.services.map((s) => ["service_ids[]", s]);
  let from = Date.parse(state.since);
  while (from < end) {
    const until = Math.min(from + WINDOW_MS, end);
    const params: Params = [["since", iso(from)], ["until", iso(until)], ["time_zone", "UTC"], ["sort_by", "created_at:asc"], ...services];
    let capped = false;
    for await (const page of offsetPages<PagerdutyIncident>(client, "/incidents", "incidents", params)) {
      await ctx.page(RESOURCE);
      const first = page.items[0]?.created_at;
      if (first) await ctx.reached(RESOURCE, walkFrom, first);
      await store(client, ctx, state, page.items);
      const last = page.items.at(-1)?.created_at;
      if (last && Date.parse(last) > Date.parse(state.since)) state.since = iso(Date.parse(last));
      await save(ctx, state);
      capped = page.more;
    }
    // At the offset ceiling the window goes on from its newest incident; otherwise it is done, and
    // the next starts at its end (the last one at most SETTLE_MS before now).
    const next = capped && Date.parse(state.since) > from ? Date.parse(state.since) : until;
    state.since = iso(Math.max(Date.parse(state.since), Math.min(next, end - SETTLE_MS)));
    await save(ctx, state);
    from = next;
  }
}
