// PagerDuty v3 webhook payloads → Keel incidents (pure). Every mapping carries the whole incident
// as PagerDuty reports it (openedAt from created_at included), so a later event never erases
// what an earlier one set; the event's own time is the acknowledgement or resolution time.
import type { IncidentEventInput } from "@keel/shared";
import type { z } from "zod";
import { dropped, nonEmpty, unreadable, type MapResult } from "../mapResult.ts";
import { parsedAs } from "../parsedAs.ts";
import { IncidentData, WebhookV3Payload } from "./payloadTypes.ts";

export const pagerdutyMappedKinds: ReadonlySet<string> = new Set(["incident.triggered", "incident.acknowledged", "incident.resolved"]);

/** A v3 webhook → a Keel incident; a payload without the v3 webhook's shape is dropped as unreadable. */
export const mapPagerduty = parsedAs("PagerDuty webhook", WebhookV3Payload, mapWebhook);

function mapWebhook({ event }: z.infer<typeof WebhookV3Payload>): MapResult {
  if (!pagerdutyMappedKinds.has(event.event_type)) return dropped(`${event.event_type}: not an event kind Keel maps`);
  if (event.data.type !== "incident") return dropped(`${event.event_type}: data is a "${event.data.type}", not an incident`);
  const incident = IncidentData.safeParse(event.data);
  if (!incident.success) return unreadable(event.event_type, incident.error);
  return {
    events: [
      {
        ...incidentFields(incident.data),
        acknowledgedAt: event.event_type === "incident.acknowledged" ? event.occurred_at : undefined,
        resolvedAt: event.event_type === "incident.resolved" ? event.occurred_at : undefined,
      },
    ],
    dropped: [],
    occurredAt: event.occurred_at,
  };
}

/**
 * What a PagerDuty incident object says of itself, the same in a webhook's `event.data` and in the
 * REST API's incidents (the connector maps those with this too, so both give one incident).
 */
export function incidentFields(data: z.infer<typeof IncidentData>): IncidentEventInput & { type: "incident" } {
  return {
    type: "incident",
    id: `pagerduty:${data.id}`,
    service: nonEmpty(data.service?.summary),
    // Priority (P1, P2, ...) is the finer scale where an account uses it; urgency is always set.
    severity: nonEmpty(data.priority?.summary) ?? nonEmpty(data.urgency),
    title: nonEmpty(data.title),
    openedAt: data.created_at,
    url: nonEmpty(data.html_url),
  };
}
