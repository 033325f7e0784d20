// The webhook sources Keel receives, and for each: which event kinds it maps, and the pure
// mapping. The HTTP routes store deliveries by source and kind; the processor maps them later.
import { mapGithub, githubMappedKinds } from "./github/map.ts";
import { gitlabMappedKinds, mapGitlab } from "./gitlab/map.ts";
import type { MapResult } from "./mapResult.ts";
import { mapPagerduty, pagerdutyMappedKinds } from "./pagerduty/map.ts";

export const WEBHOOK_SOURCES = ["github", "gitlab", "pagerduty"] as const;
export type WebhookSource = (typeof WEBHOOK_SOURCES)[number];

export interface WebhookAdapter {
  /** Kinds with a mapping; any other kind is stored as ignored. */
  mappedKinds: ReadonlySet<string>;
  /** `receivedAt`: when Keel received the delivery, for payloads that carry no time of their own. */
  map(kind: string, payload: unknown, receivedAt: string): MapResult;
}

export const webhookAdapters: Record<WebhookSource, WebhookAdapter> = {
  github: { mappedKinds: githubMappedKinds, map: (kind, payload) => mapGithub(kind, payload) },
  gitlab: { mappedKinds: gitlabMappedKinds, map: mapGitlab },
  // PagerDuty payloads name their own kind (event.event_type).
  pagerduty: { mappedKinds: pagerdutyMappedKinds, map: (_kind, payload) => mapPagerduty(payload) },
};

export function isWebhookSource(source: string): source is WebhookSource {
  return (WEBHOOK_SOURCES as readonly string[]).includes(source);
}
