// Changes organisation settings (tRPC settings.update): time zone, DORA thresholds year, attribution
// window, debt target. Stored one row per key in Setting (getOrgSettings reads them). A time zone
// must be known to PostgreSQL as well as to the browser: weeks are bucketed in SQL.
import type { OrgSettingsUpdateData } from "@keel/shared";
import { Prisma } from "../generated/prisma/client.ts";
import type { Db } from "../db/client.ts";
import { KeelError } from "../errors.ts";
import { getOrgSettings, type OrgSettingsData } from "./getOrgSettings.ts";

export async function updateOrgSettings({ db, input }: { db: Db; input: OrgSettingsUpdateData }): Promise<OrgSettingsData> {
  const changes = Object.entries(input).filter(([, value]) => value !== undefined) as [string, string | number | boolean][];
  if (input.timeZone !== undefined) {
    const [known] = await db.$queryRaw<{ known: boolean }[]>(
      Prisma.sql`SELECT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = ${input.timeZone}) AS known`,
    );
    if (!known?.known) {
      throw new KeelError("VALIDATION_FAILED", "Invalid request: timeZone.", [
        { path: "timeZone", message: `the database does not know the time zone "${input.timeZone}"` },
      ]);
    }
  }
  // One attribution window: the unit sent replaces the other (days stay readable as hours / 24).
  const replaced =
    input.attributionWindowHours !== undefined ? "attributionWindowDays" : input.attributionWindowDays !== undefined ? "attributionWindowHours" : null;
  await db.$transaction([
    ...(replaced ? [db.setting.deleteMany({ where: { key: replaced } })] : []),
    ...changes.map(([key, value]) => db.setting.upsert({ where: { key }, create: { key, value }, update: { value } })),
  ]);
  return getOrgSettings({ db });
}
