// Organisation settings with their defaults (product.md: time zone UTC, DORA 2023 thresholds,
// 20% debt target, a 7-day window for attributing incidents to deployments). Stored one row per
// key in Setting; absent keys take the default. The attribution window is one value, stored under
// whichever of attributionWindowHours and attributionWindowDays was sent last (docs/metrics.md).
import { RecoveryTimeFrom } from "@keel/shared";
import type { OrgSettingsData } from "@keel/shared/outputs";
import { z } from "zod";
import type { Tx } from "../db/types.ts";

const Stored = z.object({
  timeZone: z.string().default("UTC"),
  thresholdsYear: z.union([z.literal(2023), z.literal(2024)]).default(2023),
  debtTarget: z.number().min(0).max(1).default(0.2),
  /** Change failure rate, rule (c): how long after a deployment an incident may be attributed to it. */
  attributionWindowDays: z.number().positive().max(90).default(7),
  /** The same window in hours; stored instead of days when it was the last sent (updateOrgSettings). */
  attributionWindowHours: z
    .number()
    .positive()
    .max(90 * 24)
    .optional(),
  /** Failed deployment recovery time: from the incident's opening or the failed deployment's finish. */
  recoveryTimeFrom: RecoveryTimeFrom.default("incidentOpened"),
  /** Change failure rate rule (d): reverts count as change failures. Off by default. */
  revertsAsFailures: z.boolean().default(false),
});

/** The answer's type, from its output schema (shared/src/outputs/settings.ts). */
export type { OrgSettingsData };

const keys = Object.keys(Stored.shape);

export async function getOrgSettings({ db }: { db: Tx }): Promise<OrgSettingsData> {
  const rows = await db.setting.findMany({ where: { key: { in: keys } } });
  const { attributionWindowHours, attributionWindowDays, ...rest } = Stored.parse(Object.fromEntries(rows.map((r) => [r.key, r.value])));
  const hours = attributionWindowHours ?? attributionWindowDays * 24;
  return { ...rest, attributionWindowHours: hours, attributionWindowDays: hours / 24 };
}
