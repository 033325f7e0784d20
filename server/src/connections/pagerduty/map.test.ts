import { describe, expect, test } from "vitest";
import { mapIncident, type LogEntry } from "./map.ts";

// Shaped as PagerDuty's documented "List incidents" example (developer.pagerduty.com).
const incident = (fields: Record<string, unknown> = {}) => ({
  id: "PT4KHLK",
  type: "incident",
  summary: "[#1234] The server is on fire.",
  incident_number: 1234,
  title: "The server is on fire.",
  created_at: "2026-11-02T10:00:00Z",
  status: "resolved",
  last_status_change_at: "2026-11-02T12:00:00Z",
  service: { id: "PIJ90N7", type: "service_reference", summary: "My Mail Service" },
  urgency: "high",
  priority: { id: "P53ZZH5", type: "priority_reference", summary: "P2" },
  html_url: "https://subdomain.pagerduty.com/incidents/PT4KHLK",
  ...fields,
});
const user = (id: string) => ({ id, type: "user_reference" });
const log: LogEntry[] = [
  { type: "trigger_log_entry", created_at: "2026-11-02T10:00:00Z", agent: { id: "PIJ90N7", type: "service_reference" } },
  { type: "assign_log_entry", created_at: "2026-11-02T10:00:01Z", assignees: [user("PXPGF42"), user("PAM4FGS")] },
  { type: "acknowledge_log_entry", created_at: "2026-11-02T10:20:00Z", agent: user("PXPGF42") },
  { type: "acknowledge_log_entry", created_at: "2026-11-02T10:05:00Z", agent: user("PAM4FGS") },
  { type: "resolve_log_entry", created_at: "2026-11-02T12:00:00Z", agent: user("P1RESOL") },
];

describe("mapIncident", () => {
  const cases: [string, Record<string, unknown>, LogEntry[], Record<string, unknown>][] = [
    [
      "a resolved incident: first acknowledgement, resolution, everyone who worked it",
      {},
      log,
      {
        id: "pagerduty:PT4KHLK",
        service: "My Mail Service",
        severity: "P2",
        title: "The server is on fire.",
        openedAt: "2026-11-02T10:00:00Z",
        acknowledgedAt: "2026-11-02T10:05:00Z",
        resolvedAt: "2026-11-02T12:00:00Z",
        responders: 3,
        url: "https://subdomain.pagerduty.com/incidents/PT4KHLK",
      },
    ],
    [
      "still acknowledged: not resolved, whatever its last change",
      { status: "acknowledged", last_status_change_at: "2026-11-02T10:05:00Z" },
      log.slice(0, 4),
      { acknowledgedAt: "2026-11-02T10:05:00Z", resolvedAt: undefined, responders: 2 },
    ],
    [
      "no priority: urgency is the severity; no people: responders left to the cost model",
      { priority: null, status: "triggered" },
      log.slice(0, 1),
      { severity: "high", acknowledgedAt: undefined, resolvedAt: undefined, responders: undefined },
    ],
    ["resolved without last_status_change_at: the log's resolve", { last_status_change_at: null }, log, { resolvedAt: "2026-11-02T12:00:00Z" }],
  ];
  test.each(cases)("%s", (_name, fields, entries, expected) => {
    const { events } = mapIncident(incident(fields), entries);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: "incident", ...expected });
  });

  test("an incident without created_at is left out, named", () => {
    const result = mapIncident(incident({ created_at: undefined }), []);
    expect(result.events).toEqual([]);
    expect(result.dropped[0]).toContain("incident PT4KHLK");
  });
});
