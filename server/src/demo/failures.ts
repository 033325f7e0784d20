// Which of a service's production deploys fail, and how: the random change failures that drive the
// teams' trends (catalog.ts), and the ones the story forces in the week Platform slipped.
import { type DemoCalendar, DAY } from "./calendar.ts";
import type { ServiceSpec } from "./catalog.ts";
import type { Severity } from "./drafts.ts";
import type { Random } from "./random.ts";
import { Renewal } from "./schedule.ts";

export type FailureKind = "incident-deployment" | "incident-commit" | "incident-window" | "rollback-only";
export type Remedy = "rollback" | "hotfix" | "none";

export interface Failure {
  kind: FailureKind;
  remedy: Remedy;
  severity?: Severity;
  /** Recovery takes this many times the team's usual (the slip week's incidents drag on). */
  slowRecovery?: number;
}

/** What the story imposes on one production deploy. */
export interface Forced {
  /** A failed deploy attempt precedes the successful one. */
  failFirst?: boolean;
  failure?: Failure;
}

// The week Platform slipped: identity-api's first deploys of the week go wrong one after the
// other, its incidents take six times as long to resolve as usual, and notifications ships a
// bad commit. Long enough that the slip stands out above Checkout's rising (random) failures.
const SLIP_WEEK: Readonly<Record<string, readonly Forced[]>> = {
  "identity-api": [
    { failure: { kind: "incident-deployment", remedy: "hotfix", severity: "sev2", slowRecovery: 6 } },
    { failFirst: true, failure: { kind: "rollback-only", remedy: "rollback" } },
    { failure: { kind: "incident-window", remedy: "none", severity: "sev1", slowRecovery: 6 } },
    { failFirst: true, failure: { kind: "incident-commit", remedy: "rollback", severity: "sev3", slowRecovery: 6 } },
  ],
  notifications: [
    { failure: { kind: "incident-commit", remedy: "rollback", severity: "sev3" } },
    { failFirst: true, failure: { kind: "rollback-only", remedy: "rollback" } },
  ],
};

/** The service's forced deploys of the slip week, in order (none for most services). */
export function slipWeekDeploys(service: ServiceSpec): Forced[] {
  return [...(SLIP_WEEK[service.slug] ?? [])];
}

/** The random change failures of one service, at its team's rate for the time of the deploy. */
export class FailureDice {
  private readonly failures: Renewal;
  /** Decides which incidents run their course with no rollback or hotfix. */
  private readonly unremediated: Renewal;

  constructor(
    private readonly rng: Random,
    private readonly cal: DemoCalendar,
    private readonly service: ServiceSpec,
  ) {
    this.failures = new Renewal(rng, 0.4, 1.6);
    this.unremediated = new Renewal(rng, 0.5, 1.5);
  }

  /** The failure a successful production deploy started at `startedAt` causes, if any. */
  roll(startedAt: number): Failure | undefined {
    const { rng, cal, service } = this;
    if (startedAt >= cal.quietFrom) return undefined;
    // Platform: a clean week before the slip, and only the forced failures during it.
    if (service.team.slug === "platform" && startedAt >= cal.slipWeek.start - 7 * DAY) return undefined;
    const progress = cal.progress(startedAt);
    if (this.failures.advance(service.team.failureRate(progress) * service.failureWeight) === 0) return undefined;
    const kind = rng.weighted<FailureKind>({
      "incident-deployment": 0.37,
      "incident-commit": 0.16,
      "incident-window": 0.27,
      "rollback-only": 0.2,
    });
    if (kind === "rollback-only") return { kind, remedy: "rollback" };
    const unremediated = this.unremediated.advance(service.team.unremediatedShare(progress)) > 0;
    const remedy: Remedy = unremediated ? "none" : rng.chance(0.64) ? "hotfix" : "rollback";
    return { kind, remedy };
  }
}
