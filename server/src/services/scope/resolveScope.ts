// The one way parsed filters (shared/src/filters.ts) become what the queries read: the
// organisation's settings, the window [from, to) read in its time zone, and the team, service and
// environment resolved to ids once. DORA, pull requests, costs (and so the exports), the lists and
// the benchmark all start here, so they read the same deployments and incidents and refuse the
// same input with the same VALIDATION_FAILED details.
import { SCOPE_FIELDS, type FiltersData } from "@keel/shared";
import { addDays, localDate } from "@keel/shared/calendar";
import type { Db } from "../../db/client.ts";
import type { DoraQuery } from "../../db/queries/dora/fragments.ts";
import { scopeIds } from "../../db/queries/dora/scope.ts";
import { KeelError } from "../../errors.ts";
import { metricWindow, type MetricWindow } from "../../metrics/window.ts";
import { getOrgSettings, type OrgSettingsData } from "../getOrgSettings.ts";
import { unknownNames } from "./unknownNames.ts";

/** Without from and to (the cost views allow it), the window is the 13 weeks (91 local days) up to and including today. */
const DEFAULT_WINDOW_DAYS = 91;

type ScopeField = (typeof SCOPE_FIELDS)[number];

/**
 * Every filter of the shared schema but the window (SCOPE_FIELDS, checked against the schema),
 * null when not given: { team, service, environment }. A filter added there is repeated in the
 * answers and keys the cost reports' cache (services/cache/costReports.ts) with no list here.
 */
export type ScopeFilters = { [K in ScopeField]-?: undefined extends FiltersData[K] ? Exclude<FiltersData[K], undefined> | null : FiltersData[K] };

export interface Scope {
  settings: OrgSettingsData;
  window: MetricWindow;
  /** What the DORA and cost queries read: window, time zone, ids in scope and the attribution settings. */
  q: DoraQuery;
  /** The filters as answers repeat them and the cost reports' cache keys hold them. */
  filters: ScopeFilters;
  /** The team whose figures these are: the team filter's, or the service filter's team; null org-wide. */
  scopeTeamId: string | null;
}

export async function resolveScope({ db, input, now = new Date() }: { db: Db; input: FiltersData; now?: Date }): Promise<Scope> {
  const settings = await getOrgSettings({ db });
  const { timeZone } = settings;
  const window = windowOf(input, timeZone, now);
  if (Number.isNaN(window.from.getTime()) || Number.isNaN(window.to.getTime()) || !(window.from < window.to)) {
    // Checked again here because a date without an offset is read in the organisation's time zone.
    throw new KeelError("VALIDATION_FAILED", "Invalid request: to.", [{ path: "to", message: `must be after from (in ${timeZone})` }]);
  }

  const ids = await scopeIds(db, input);
  if (Object.keys(ids.unknown).length > 0) throw unknownNames(ids.unknown);

  const q: DoraQuery = {
    from: window.from,
    to: window.to,
    previousFrom: window.previousFrom,
    timeZone,
    environmentId: ids.environmentId,
    isProduction: input.environment === "production",
    serviceIds: ids.serviceIds,
    attributionHours: settings.attributionWindowHours,
    recoveryFrom: settings.recoveryTimeFrom,
    revertFailures: settings.revertsAsFailures,
  };
  const filters = Object.fromEntries(SCOPE_FIELDS.map((k) => [k, input[k] ?? null])) as ScopeFilters;
  return { settings, window, q, filters, scopeTeamId: ids.scopeTeamId };
}

function windowOf({ from, to }: FiltersData, timeZone: string, now: Date): MetricWindow {
  if (from !== undefined && to !== undefined) return metricWindow(from, to, timeZone);
  const end = addDays(localDate(now, timeZone), 1);
  return metricWindow(addDays(end, -DEFAULT_WINDOW_DAYS), end, timeZone);
}
