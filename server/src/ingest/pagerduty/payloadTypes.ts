// The parts of PagerDuty's v3 webhook payloads that Keel reads, as small zod schemas. Each
// delivery holds one event; for incident.* events, `event.data` is the incident as it is now.
import { z } from "zod";

const Reference = z.object({ summary: z.string().nullish() });

export const WebhookV3Payload = z.object({
  event: z.object({
    id: z.string(),
    event_type: z.string(),
    occurred_at: z.string(),
    // Kept whole (loose): its shape depends on `type`, read with IncidentData below.
    data: z.looseObject({ type: z.string() }),
  }),
});

export const IncidentData = z.object({
  id: z.string(),
  title: z.string().nullish(),
  html_url: z.string().nullish(),
  created_at: z.string(),
  service: Reference.nullish(),
  /** "P1", ...: set only on accounts that use priorities. */
  priority: Reference.nullish(),
  /** "high" or "low". */
  urgency: z.string().nullish(),
});

/** Enough of any delivery to store it: its kind and PagerDuty's id for it. */
export const DeliveryEnvelope = z.object({
  event: z.object({ id: z.string().min(1).optional(), event_type: z.string().min(1).optional() }),
});
