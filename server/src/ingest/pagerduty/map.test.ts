import { describe, expect, test } from "vitest";
import { checkingEvents, webhookFixtures } from "../testSupport/webhookMapping.ts";
import { mapPagerduty } from "./map.ts";

// PagerDuty's documented v3 webhook example, and the three lifecycle events built from it
// (test/fixtures/webhooks/SOURCES.md says exactly what was changed).
const load = webhookFixtures("pagerduty");
const map = checkingEvents(mapPagerduty);

interface IncidentFixture {
  event: { data: { type: string; priority: unknown; urgency: string } };
}

const incident = {
  type: "incident",
  id: "pagerduty:PGR0VU2",
  service: "API Service",
  severity: "P1",
  title: "A little bump in the road",
  openedAt: "2020-04-09T15:16:27Z",
  url: "https://acme.pagerduty.com/incidents/PGR0VU2",
};

describe("mapPagerduty", () => {
  test("incident.triggered opens the incident", () => {
    expect(map(load("incident.triggered.json"))).toEqual({ events: [incident], dropped: [], occurredAt: "2020-04-09T15:16:27.000Z" });
  });

  test("incident.acknowledged: the event's time is the acknowledgement; openedAt is still carried", () => {
    expect(map(load("incident.acknowledged.json"))).toEqual({
      events: [{ ...incident, acknowledgedAt: "2020-04-09T15:21:05.000Z" }],
      dropped: [],
      occurredAt: "2020-04-09T15:21:05.000Z",
    });
  });

  test("incident.resolved: the event's time is the resolution; openedAt is still carried", () => {
    expect(map(load("incident.resolved.json"))).toEqual({
      events: [{ ...incident, resolvedAt: "2020-04-09T16:02:44.000Z" }],
      dropped: [],
      occurredAt: "2020-04-09T16:02:44.000Z",
    });
  });

  test("without a priority, urgency is the severity", () => {
    const payload = load<IncidentFixture>("incident.triggered.json");
    payload.event.data.priority = null;
    expect(map(payload).events).toEqual([expect.objectContaining({ severity: "high" })]);
  });

  test("other event types (the documented priority_updated example) are dropped", () => {
    expect(map(load("incident.priority_updated.json"))).toEqual({ events: [], dropped: ["incident.priority_updated: not an event kind Keel maps"] });
  });

  test("an event whose data is not an incident is dropped", () => {
    const payload = load<IncidentFixture>("incident.triggered.json");
    payload.event.data.type = "incident_note";
    expect(map(payload)).toEqual({ events: [], dropped: ['incident.triggered: data is a "incident_note", not an incident'] });
  });

  test("a payload that is not a v3 webhook is dropped, naming the field", () => {
    expect(map({ messages: [{ event: "incident.trigger" }] })).toEqual({
      events: [],
      dropped: ["PagerDuty webhook: payload not understood (event: Invalid input: expected object, received undefined)"],
    });
  });
});
