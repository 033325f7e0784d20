// The webhook vendors Keel receives: one line each. Their endpoints (/webhooks/<source>), settings,
// the Data sources page and the processor all follow this list.
import { githubVendor } from "./github/vendor.ts";
import { gitlabVendor } from "./gitlab/vendor.ts";
import { pagerdutyVendor } from "./pagerduty/vendor.ts";

export const webhookVendors = [githubVendor, gitlabVendor, pagerdutyVendor] as const;

export type WebhookSource = (typeof webhookVendors)[number]["source"];
/** The settings that hold the vendors' secrets, e.g. "KEEL_GITHUB_WEBHOOK_SECRET". */
export type WebhookSetting = (typeof webhookVendors)[number]["setting"];
export type WebhookSecrets = Partial<Record<WebhookSource, string | undefined>>;

export const WEBHOOK_SOURCES: readonly WebhookSource[] = webhookVendors.map((v) => v.source);

export function isWebhookSource(source: string): source is WebhookSource {
  return (WEBHOOK_SOURCES as readonly string[]).includes(source);
}

export function vendorOf(source: WebhookSource): (typeof webhookVendors)[number] {
  const vendor = webhookVendors.find((v) => v.source === source);
  if (!vendor) throw new Error(`no webhook vendor "${source}"`);
  return vendor;
}

/** The secrets by source, read from the settings the vendors name. */
export function webhookSecretsFrom(settings: Partial<Record<WebhookSetting, string | undefined>>): WebhookSecrets {
  return Object.fromEntries(webhookVendors.map((v) => [v.source, settings[v.setting]]));
}
