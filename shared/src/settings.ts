// What the settings page may change (product.md "Metric definitions", "Levels", "Investment
// balance"; api.md "Auth"): organisation settings, teams and their services, API tokens. The web
// app validates its forms with these same schemas before it sends them; the server validates again.
import { z } from "zod";
import { Name } from "./events.ts";

/**
 * An IANA time zone name as both the browser's Intl and PostgreSQL read it: "UTC",
 * "Europe/Berlin", "America/Argentina/Buenos_Aires", "Etc/GMT+5". Offsets such as "+01:00" are
 * refused: PostgreSQL reads a bare offset with the POSIX sign (the opposite of ISO 8601), so a week
 * would start at the wrong hour. The server also checks that PostgreSQL knows the zone.
 */
export function isTimeZoneName(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const TimeZoneName = z.string().trim().min(1).max(64).refine(isTimeZoneName, "must be an IANA time zone, such as Europe/Berlin or UTC");

export const ThresholdsYearChoice = z.union([z.literal(2023), z.literal(2024)], { error: "must be 2023 or 2024" });

/** A share such as the debt target: a fraction from 0 to 1 (0.2 is 20%). */
const Share = z.number({ error: "must be a number" }).finite().min(0, "must be at least 0%").max(1, "must be at most 100%");

export const ATTRIBUTION_WINDOW_MAX_DAYS = 90;

/**
 * Where failed deployment recovery time starts (docs/metrics.md §4): `incidentOpened` (the
 * default), incident opened → resolved; `deploymentFinished`, DORA 2023's wording for change-caused
 * failures, the finish of the deployment the incident is attributed to → resolved.
 */
export const RECOVERY_TIME_STARTS = ["incidentOpened", "deploymentFinished"] as const;
export const RecoveryTimeFrom = z.enum(RECOVERY_TIME_STARTS, { error: "must be incidentOpened or deploymentFinished" });
export type RecoveryTimeFromValue = z.output<typeof RecoveryTimeFrom>;
export const ATTRIBUTION_WINDOW_MAX_HOURS = ATTRIBUTION_WINDOW_MAX_DAYS * 24;

/** Organisation settings; only the fields given change. */
export const OrgSettingsUpdate = z
  .strictObject({
    timeZone: TimeZoneName.optional(),
    thresholdsYear: ThresholdsYearChoice.optional(),
    /** Change failure rate rule (c): days after a deployment in which an incident may be attributed to it. */
    attributionWindowDays: z
      .int({ error: "must be a whole number of days" })
      .min(1, "must be at least 1 day")
      .max(ATTRIBUTION_WINDOW_MAX_DAYS, `must be at most ${ATTRIBUTION_WINDOW_MAX_DAYS} days`)
      .optional(),
    /**
     * The same window in whole hours (1 hour to 90 days), for windows shorter than a day. One window
     * is stored: whichever of the two was sent last sets it; days read back as hours / 24.
     */
    attributionWindowHours: z
      .int({ error: "must be a whole number of hours" })
      .min(1, "must be at least 1 hour")
      .max(ATTRIBUTION_WINDOW_MAX_HOURS, `must be at most ${ATTRIBUTION_WINDOW_MAX_HOURS} hours (${ATTRIBUTION_WINDOW_MAX_DAYS} days)`)
      .optional(),
    /** The organisation's target share of debt work (0.2 = 20%). */
    debtTarget: Share.optional(),
    /** Where failed deployment recovery time starts. */
    recoveryTimeFrom: RecoveryTimeFrom.optional(),
    /** Change failure rate rule (d): a merged revert of a commit a deployment shipped marks it failed. */
    revertsAsFailures: z.boolean({ error: "must be true or false" }).optional(),
  })
  .refine((u) => Object.values(u).some((v) => v !== undefined), { message: "change at least one setting" })
  .refine((u) => u.attributionWindowDays === undefined || u.attributionWindowHours === undefined, {
    message: "send the attribution window in hours or in days, not both",
    path: ["attributionWindowHours"],
  });
export type OrgSettingsUpdateInput = z.input<typeof OrgSettingsUpdate>;
export type OrgSettingsUpdateData = z.output<typeof OrgSettingsUpdate>;

/** A new team's slug: what events name it by (`team` on a deployment), so lowercase and plain. */
export const TeamSlug = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(60, "must be at most 60 characters")
  .regex(/^[a-z0-9][a-z0-9_-]*$/, "must be lowercase letters, digits, - or _, starting with a letter or digit");

const TeamName = z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters");
const TeamSize = z.int({ error: "must be a whole number of engineers" }).min(1, "must be at least 1").max(10_000, "must be at most 10,000");

export const TeamCreate = z.strictObject({
  slug: TeamSlug,
  name: TeamName,
  /** Engineers on the team (capacity shares); null or absent: unknown. */
  size: TeamSize.nullable().optional(),
  /** The team's own debt target; null or absent: the organisation's. */
  debtTarget: Share.nullable().optional(),
});
export type TeamCreateInput = z.input<typeof TeamCreate>;
export type TeamCreateData = z.output<typeof TeamCreate>;

/** Changes a team, named by its slug (which never changes: events use it). Only the fields given change. */
export const TeamUpdate = z
  .strictObject({
    slug: Name,
    name: TeamName.optional(),
    size: TeamSize.nullable().optional(),
    debtTarget: Share.nullable().optional(),
  })
  .refine((u) => u.name !== undefined || u.size !== undefined || u.debtTarget !== undefined, { message: "change at least one field" });
export type TeamUpdateInput = z.input<typeof TeamUpdate>;
export type TeamUpdateData = z.output<typeof TeamUpdate>;

/** Puts a service in a team, or (team null) in none. */
export const ServiceTeamAssignment = z.strictObject({ service: Name, team: Name.nullable() });
export type ServiceTeamAssignmentData = z.output<typeof ServiceTeamAssignment>;

export const TOKEN_SCOPES = ["ingest", "read", "admin"] as const;
export const TokenScopeName = z.enum(TOKEN_SCOPES, { error: "must be ingest, read or admin" });
export type TokenScopeNameValue = z.output<typeof TokenScopeName>;

export const TokenCreate = z.strictObject({
  name: z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters"),
  scope: TokenScopeName,
});
export type TokenCreateInput = z.input<typeof TokenCreate>;

export const TokenRevoke = z.strictObject({ id: z.uuid({ error: "must be a token id" }) });
