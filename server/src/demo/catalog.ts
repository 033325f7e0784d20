// The demo organisation: three teams and eight services whose cadences, lead times and
// failure trends are chosen to tell the stories in docs/demo.md. The organisation is data
// (catalog.json), checked against the schemas below when it is loaded:
// - Payments invests ~30% in debt and its failures fall over the window.
// - Checkout ships features at ~8% debt and its failures rise over the window.
// - Platform is steady, except for the week it slipped (forced in timeline.ts).
import { ChangeCategory } from "@keel/shared";
import { z } from "zod";
import catalog from "./catalog.json" with { type: "json" };

/** A figure that moves in a straight line over the window: atStart + perProgress × progress (0..1). */
const Trend = z.strictObject({ atStart: z.number(), perProgress: z.number() });
/** Min and max. */
const Range = z.tuple([z.number(), z.number()]);

const TeamEntry = z.strictObject({
  slug: z.string(),
  name: z.string(),
  size: z.int(),
  /** Debt share target when it differs from the organisation's 20%. */
  debtTarget: z.number().optional(),
  /** Share of new commits per intended category; "other" becomes unclassifiable commits. */
  categoryMix: z.record(ChangeCategory, z.number()),
  /** Chance that a successful production deployment causes a failure. */
  failureRate: Trend,
  /** Share of its incidents that no rollback or hotfix cuts short. */
  unremediatedShare: Trend,
  /** Multiplies how long those incidents last. */
  recoveryScale: Trend,
});

const Cadence = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("daily"), weekday: z.number(), weekend: z.number() }),
  z.strictObject({ kind: z.literal("weekly"), weekday: z.number() }),
  z.strictObject({ kind: z.literal("every"), minDays: z.number(), maxDays: z.number() }),
]);
export type Cadence = z.infer<typeof Cadence>;

const ServiceEntry = z.strictObject({
  slug: z.string(),
  name: z.string(),
  /** The team's slug. */
  team: z.string(),
  repository: z.string(),
  cadence: Cadence,
  /** New commits per deployment. */
  commits: Range,
  /** Lead time of non-head commits in hours (log-uniform). */
  leadHours: Range,
  /** Multiplies the team's failure rate for this service. */
  failureWeight: z.number(),
  buildMinutes: Range,
  /** Deploys to staging before production now and then. */
  staging: z.boolean(),
  /** Words used in commit messages and incident titles. */
  topics: z.array(z.string()),
  scopes: z.array(z.string()),
  incidentTitles: z.array(z.string()),
});

type Trends = "failureRate" | "unremediatedShare" | "recoveryScale";
export type TeamSpec = Omit<z.infer<typeof TeamEntry>, Trends> & Record<Trends, (progress: number) => number>;
export type ServiceSpec = Omit<z.infer<typeof ServiceEntry>, "team"> & { team: TeamSpec };

function along({ atStart, perProgress }: z.infer<typeof Trend>): (progress: number) => number {
  return (progress) => atStart + perProgress * progress;
}

const parsed = z.strictObject({ teams: z.array(TeamEntry), services: z.array(ServiceEntry) }).parse(catalog);

export const TEAMS: readonly TeamSpec[] = parsed.teams.map((team) => ({
  ...team,
  failureRate: along(team.failureRate),
  unremediatedShare: along(team.unremediatedShare),
  recoveryScale: along(team.recoveryScale),
}));

/** The environments the demo deploys to (timeline.ts): production, and staging a few minutes before it. */
export const DEMO_ENVIRONMENTS: readonly string[] = ["production", "staging"];

export const SERVICES: readonly ServiceSpec[] = parsed.services.map((service) => {
  const team = TEAMS.find((candidate) => candidate.slug === service.team);
  if (team === undefined) throw new Error(`demo service ${service.slug}: unknown team ${service.team}`);
  return { ...service, team };
});

export function serviceBySlug(slug: string): ServiceSpec {
  const service = SERVICES.find((candidate) => candidate.slug === slug);
  if (service === undefined) throw new Error(`unknown demo service ${slug}`);
  return service;
}
