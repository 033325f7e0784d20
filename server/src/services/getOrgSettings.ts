// Organisation settings with their defaults (product.md: time zone UTC, DORA 2023 thresholds,
// 20% debt target, a 7-day window for attributing incidents to deployments). Stored one row per
// key in Setting; absent keys take the default.
import { z } from "zod";
import type { Tx } from "../db/types.ts";

export const OrgSettings = z.object({
  timeZone: z.string().default("UTC"),
  thresholdsYear: z.union([z.literal(2023), z.literal(2024)]).default(2023),
  debtTarget: z.number().min(0).max(1).default(0.2),
  /** Change failure rate, rule (c): how long after a deployment an incident may be attributed to it. */
  attributionWindowDays: z.number().positive().max(90).default(7),
});
export type OrgSettingsData = z.output<typeof OrgSettings>;

const keys = Object.keys(OrgSettings.shape);

export async function getOrgSettings({ db }: { db: Tx }): Promise<OrgSettingsData> {
  const rows = await db.setting.findMany({ where: { key: { in: keys } } });
  return OrgSettings.parse(Object.fromEntries(rows.map((r) => [r.key, r.value])));
}
