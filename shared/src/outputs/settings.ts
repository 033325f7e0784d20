// The Settings page's answers (tRPC settings.*, teams.*, tokens.*, users.*, audit.*; REST
// /api/v1/users, /tokens and /audit-log, api.md "Administration"): organisation settings, teams
// and their services, API tokens (never the token but once, when created), users and the audit log.
import { z } from "zod";
import { ROLES } from "../roles.ts";
import { RECOVERY_TIME_STARTS, TOKEN_SCOPES } from "../settings.ts";
import { Named } from "./common.ts";

/** In the order getOrgSettings writes them: the stored settings, then the one attribution window in both units. */
export const OrgSettings = z.strictObject({
  timeZone: z.string(),
  thresholdsYear: z.union([z.literal(2023), z.literal(2024)]),
  debtTarget: z.number(),
  /** Where failed deployment recovery time starts (docs/metrics.md §4). */
  recoveryTimeFrom: z.enum(RECOVERY_TIME_STARTS),
  /** Change failure rate rule (d): a merged revert of a shipped commit fails the deployment. */
  revertsAsFailures: z.boolean(),
  /** The attribution window in hours: the stored hours, else the stored days × 24 (default 168). */
  attributionWindowHours: z.number(),
  /** The same window in days (hours / 24, so 0.25 for 6 hours): what clients of days read. */
  attributionWindowDays: z.number(),
});
export type OrgSettingsData = z.infer<typeof OrgSettings>;

export const Team = z.strictObject({
  ...Named.shape,
  /** Engineers on the team; null: unknown. */
  size: z.number().nullable(),
  /** The team's own debt target (0.2 = 20%); null: the organisation's. */
  debtTarget: z.number().nullable(),
  /** How many services the team has. */
  services: z.number(),
});
export type TeamData = z.infer<typeof Team>;

export const ServiceTeam = z.strictObject({
  ...Named.shape,
  /** The team's slug; null: no team. */
  team: z.string().nullable(),
});
export type ServiceTeamData = z.infer<typeof ServiceTeam>;

export const Token = z.strictObject({
  id: z.string(),
  name: z.string(),
  scope: z.enum(TOKEN_SCOPES),
  /** The token's first characters, to tell tokens apart; the token itself is never stored. */
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type TokenData = z.infer<typeof Token>;
/** GET /api/v1/tokens; tRPC tokens.list answers the array alone. */
export const TokenList = z.strictObject({ tokens: z.array(Token) });

/** A new token: the only answer that holds the token itself. */
export const TokenCreated = z.strictObject({
  id: z.string(),
  name: z.string(),
  scope: z.enum(TOKEN_SCOPES),
  prefix: z.string(),
  createdAt: z.string(),
  token: z.string(),
});
export const TokenRevoked = z.strictObject({ id: z.string(), name: z.string() });

export const User = z.strictObject({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  disabled: z.boolean(),
  /** How they sign in: a password, single sign-on, or both. */
  password: z.boolean(),
  sso: z.boolean(),
  createdAt: z.string(),
  lastSignInAt: z.string().nullable(),
});
export type UserData = z.infer<typeof User>;
export const UserList = z.strictObject({ users: z.array(User) });
/** A changed user, with how many of their sessions the change ended. */
export const UserUpdated = User.extend({ sessionsEnded: z.number() });
export type UserUpdatedData = z.infer<typeof UserUpdated>;

export const AuditEntry = z.strictObject({
  id: z.string(),
  at: z.string(),
  /** "user:<email>", "token:<name>", "cli" or "system". */
  actor: z.string(),
  action: z.string(),
  /** What was acted on: an e-mail, a token name, a team slug, "organisation". */
  target: z.string(),
  /** The fields sent, secrets left out. */
  changes: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
});
/** Newest first. */
export const AuditLog = z.strictObject({ entries: z.array(AuditEntry) });
export type AuditLogData = z.infer<typeof AuditLog>;
