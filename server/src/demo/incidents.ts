// Incidents: how they are drafted (severity, duration, responders), and the hand-placed ones
// that every demo must contain (open ones near now, one not caused by a change, one without a
// service, one that lasted two days).
import { type DemoCalendar, DAY, HOUR, MINUTE, startOfUtcDay } from "./calendar.ts";
import { type ServiceSpec, serviceBySlug } from "./catalog.ts";
import type { DemoDrafts, DeploymentDraft, IncidentDraft, Severity } from "./drafts.ts";
import type { Random } from "./random.ts";

export function pickSeverity(rng: Random): Severity {
  return rng.weighted({ sev1: 0.12, sev2: 0.38, sev3: 0.5 });
}

/** Time to recover when nothing (rollback, hotfix) cut the incident short. */
function recoveryMs(rng: Random, severity: Severity): number {
  const [min, max] = severity === "sev1" ? [20, 240] : severity === "sev2" ? [40, 720] : [60, 2_160];
  return rng.logUniform(min, max) * MINUTE;
}

function responders(rng: Random, severity: Severity): number | undefined {
  // Some incident tools do not report responders: the cost model's default (2) then applies.
  if (rng.chance(0.4)) return undefined;
  return severity === "sev1" ? rng.int(3, 5) : severity === "sev2" ? rng.int(2, 3) : rng.int(1, 2);
}

export interface IncidentInput {
  service?: ServiceSpec;
  severity: Severity;
  openedAt: number;
  title?: string;
  /** When a rollback or hotfix ended it; otherwise a duration is drawn... */
  resolvedAt?: number;
  /** ...and multiplied by this (the team's recovery trend). */
  recoveryScale?: number;
  open?: boolean;
}

export function draftIncident(rng: Random, cal: DemoCalendar, input: IncidentInput): IncidentDraft {
  const { service, severity, openedAt } = input;
  const title = input.title ?? (service ? rng.pick(service.incidentTitles) : "Unknown outage");
  const incident: IncidentDraft = { id: "", severity, title, openedAt };
  if (service !== undefined) incident.service = service;
  if (input.open !== true) {
    // Everything the generator resolves is resolved before now; only the story's open incidents stay open.
    const drawn = openedAt + recoveryMs(rng, severity) * (input.recoveryScale ?? 1);
    const resolvedAt = Math.min(input.resolvedAt ?? drawn, cal.now - 10 * MINUTE, openedAt + 48 * HOUR);
    incident.resolvedAt = Math.max(resolvedAt, openedAt + 20 * MINUTE);
  }
  if (rng.chance(0.9)) {
    const ackAt = openedAt + rng.float(2, 15) * MINUTE;
    if (incident.resolvedAt === undefined || ackAt < incident.resolvedAt) incident.acknowledgedAt = ackAt;
  }
  const people = responders(rng, severity);
  if (people !== undefined) incident.responders = people;
  return incident;
}

function successfulProduction(drafts: DemoDrafts, slug: string): DeploymentDraft[] {
  return drafts.deployments.filter(
    (deployment) => deployment.service.slug === slug && deployment.environment === "production" && deployment.status === "success",
  );
}

function lastFinishedBefore(list: readonly DeploymentDraft[], at: number): DeploymentDraft | undefined {
  return list.filter((deployment) => deployment.finishedAt < at).at(-1);
}

/** The incidents the story needs whatever the dice said. Runs after every service's timeline. */
export function addStoryIncidents(rng: Random, cal: DemoCalendar, drafts: DemoDrafts): void {
  const add = (incident: IncidentDraft): void => {
    drafts.incidents.push(incident);
  };

  // Open, caused by checkout-web's latest deploy: Checkout's rising trend continues today.
  const checkoutWeb = serviceBySlug("checkout-web");
  const checkoutOpenedAt = cal.now - 3 * HOUR - 10 * MINUTE;
  const culprit = lastFinishedBefore(successfulProduction(drafts, "checkout-web"), checkoutOpenedAt);
  const checkoutOpen = draftIncident(rng, cal, {
    service: checkoutWeb,
    severity: "sev2",
    openedAt: checkoutOpenedAt,
    title: "Promo codes rejected for some EU shoppers",
    open: true,
  });
  checkoutOpen.responders = 3;
  if (culprit !== undefined) checkoutOpen.causedBy = culprit;
  add(checkoutOpen);

  // Open, no explicit cause: attributed by the time window to cart-api's last deploy before it.
  add(
    draftIncident(rng, cal, {
      service: serviceBySlug("cart-api"),
      severity: "sev3",
      openedAt: cal.now - 20 * HOUR,
      title: "Cart totals stale after removing an item",
      open: true,
    }),
  );

  // The acquirer's outage: real customer impact, but no change caused it.
  const acquirer = draftIncident(rng, cal, {
    service: serviceBySlug("payments-api"),
    severity: "sev1",
    openedAt: startOfUtcDay(cal.start + 30 * DAY) + 14 * HOUR + 12 * MINUTE,
    title: "Card authorizations failing at the acquirer",
  });
  acquirer.resolvedAt = acquirer.openedAt + 2.5 * HOUR;
  acquirer.notCausedByChange = true;
  acquirer.responders = 4;
  add(acquirer);

  // A company-wide problem with no service: attributed to nothing.
  const sso = draftIncident(rng, cal, {
    severity: "sev3",
    openedAt: startOfUtcDay(cal.start + 70 * DAY) + 9 * HOUR + 40 * MINUTE,
    title: "Corporate SSO provider degraded",
  });
  sso.resolvedAt = sso.openedAt + 55 * MINUTE;
  add(sso);

  // The longest incident: search results stale for two days after a search-api release, late
  // in the window, where it adds to Checkout's rising trend.
  const searchDeploys = successfulProduction(drafts, "search-api");
  const slowCause = searchDeploys.find((deployment) => deployment.finishedAt >= cal.start + 100 * DAY && deployment.kind === "normal");
  if (slowCause !== undefined) {
    const stale = draftIncident(rng, cal, {
      service: serviceBySlug("search-api"),
      severity: "sev3",
      openedAt: slowCause.finishedAt + 50 * MINUTE,
      title: "Search index lagging behind the catalog",
    });
    stale.resolvedAt = stale.openedAt + 47 * HOUR;
    stale.causedBy = slowCause;
    stale.responders = 2;
    add(stale);
  }
}
