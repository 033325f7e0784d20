// The demo organisation: three teams and eight services whose cadences, lead times and
// failure trends are chosen to tell the stories in docs/demo.md.
import type { ChangeCategoryValue } from "@keel/shared";

export interface TeamSpec {
  slug: string;
  name: string;
  size: number;
  /** Debt share target when it differs from the organisation's 20%. */
  debtTarget?: number;
  /** Share of new commits per intended category; "other" becomes unclassifiable commits. */
  categoryMix: Readonly<Record<ChangeCategoryValue, number>>;
  /** Chance that a successful production deployment causes a failure, by progress 0..1. */
  failureRate: (progress: number) => number;
  /** Share of its incidents that no rollback or hotfix cuts short, by progress 0..1. */
  unremediatedShare: (progress: number) => number;
  /** Multiplies how long those incidents last, by progress 0..1. */
  recoveryScale: (progress: number) => number;
}

export type Cadence =
  | { kind: "daily"; weekday: number; weekend: number }
  | { kind: "weekly"; weekday: number }
  | { kind: "every"; minDays: number; maxDays: number };

export interface ServiceSpec {
  slug: string;
  name: string;
  team: TeamSpec;
  repository: string;
  cadence: Cadence;
  /** New commits per deployment, min and max. */
  commits: readonly [number, number];
  /** Lead time of non-head commits in hours, min and max (log-uniform). */
  leadHours: readonly [number, number];
  /** Multiplies the team's failure rate for this service. */
  failureWeight: number;
  buildMinutes: readonly [number, number];
  /** Deploys to staging before production now and then. */
  staging: boolean;
  /** Words used in commit messages and incident titles. */
  topics: readonly string[];
  scopes: readonly string[];
  incidentTitles: readonly string[];
}

// Payments invests ~30% in debt and its failures fall over the window.
const payments: TeamSpec = {
  slug: "payments",
  name: "Payments",
  size: 6,
  categoryMix: { feature: 0.415, debt: 0.315, bug: 0.13, unplanned: 0.03, other: 0.11 },
  failureRate: (progress) => 0.3 - 0.28 * progress,
  unremediatedShare: (progress) => 0.5 - 0.45 * progress,
  recoveryScale: (progress) => 1.3 - 0.8 * progress,
};

// Checkout ships features at ~8% debt and its failures rise over the window.
const checkout: TeamSpec = {
  slug: "checkout",
  name: "Checkout",
  size: 8,
  categoryMix: { feature: 0.62, debt: 0.08, bug: 0.16, unplanned: 0.03, other: 0.11 },
  failureRate: (progress) => 0.003 + 0.11 * progress,
  unremediatedShare: (progress) => 0.15 + 0.35 * progress,
  recoveryScale: (progress) => 0.7 + 0.6 * progress,
};

// Platform is steady, except for the week it slipped (forced in timeline.ts).
const platform: TeamSpec = {
  slug: "platform",
  name: "Platform",
  size: 5,
  debtTarget: 0.25,
  categoryMix: { feature: 0.44, debt: 0.22, bug: 0.15, unplanned: 0.03, other: 0.16 },
  failureRate: () => 0.035,
  unremediatedShare: () => 0.3,
  recoveryScale: () => 1,
};

export const TEAMS: readonly TeamSpec[] = [payments, checkout, platform];

/** The environments the demo deploys to (timeline.ts): production, and staging a few minutes before it. */
export const DEMO_ENVIRONMENTS: readonly string[] = ["production", "staging"];

export const SERVICES: readonly ServiceSpec[] = [
  {
    slug: "checkout-web",
    name: "Checkout Web",
    team: checkout,
    repository: "acme/checkout-web",
    cadence: { kind: "daily", weekday: 5, weekend: 0.5 },
    commits: [1, 5],
    leadHours: [1, 30],
    failureWeight: 0.8,
    buildMinutes: [9, 14],
    staging: true,
    topics: ["promo codes", "payment step", "address form", "order summary", "Apple Pay button", "guest checkout", "cart drawer"],
    scopes: ["checkout", "cart", "payment", "ui", "i18n"],
    incidentTitles: [
      "Checkout conversion dropped after release",
      "Payment step blank on Safari",
      "Promo codes rejected at payment step",
      "Order confirmation page returns 500",
      "Address autocomplete times out",
    ],
  },
  {
    slug: "cart-api",
    name: "Cart API",
    team: checkout,
    repository: "acme/cart-api",
    cadence: { kind: "daily", weekday: 1.6, weekend: 0.1 },
    commits: [1, 7],
    leadHours: [3, 60],
    failureWeight: 1.3,
    buildMinutes: [6, 11],
    staging: true,
    topics: ["cart totals", "line items", "stock reservation", "tax rules", "saved carts"],
    scopes: ["cart", "pricing", "api"],
    incidentTitles: [
      "Cart totals wrong for discounted bundles",
      "Elevated 5xx on POST /carts",
      "Stock reservations not released",
      "Cart API latency above SLO",
    ],
  },
  {
    slug: "search-api",
    name: "Search API",
    team: checkout,
    repository: "acme/search-api",
    cadence: { kind: "daily", weekday: 1.1, weekend: 0 },
    commits: [1, 7],
    leadHours: [4, 72],
    failureWeight: 1.2,
    buildMinutes: [5, 9],
    staging: false,
    topics: ["ranking", "synonyms", "facets", "index refresh", "autocomplete"],
    scopes: ["search", "index", "api"],
    incidentTitles: ["Search results empty for some categories", "Autocomplete latency above SLO", "Facet counts wrong after reindex"],
  },
  {
    slug: "payments-api",
    name: "Payments API",
    team: payments,
    repository: "acme/payments-api",
    cadence: { kind: "daily", weekday: 2, weekend: 0.1 },
    commits: [1, 7],
    leadHours: [6, 120],
    failureWeight: 1,
    buildMinutes: [12, 18],
    staging: true,
    topics: ["refunds", "card vault", "3-D Secure", "charges", "webhooks", "idempotency keys", "currency rounding"],
    scopes: ["charges", "refunds", "webhooks", "vault"],
    incidentTitles: [
      "Elevated card authorization declines",
      "Refund API returning 500s",
      "Duplicate webhook deliveries to merchants",
      "Charge latency above SLO",
      "3-D Secure challenge loop for some issuers",
    ],
  },
  {
    slug: "billing-worker",
    name: "Billing Worker",
    team: payments,
    repository: "acme/billing-worker",
    cadence: { kind: "weekly", weekday: 2 },
    commits: [3, 8],
    leadHours: [24, 192],
    failureWeight: 0.8,
    buildMinutes: [7, 12],
    staging: false,
    topics: ["invoices", "dunning", "proration", "usage records", "tax invoices"],
    scopes: ["invoices", "dunning", "jobs"],
    incidentTitles: ["Invoices generated twice for annual plans", "Dunning emails not sent", "Billing run stuck"],
  },
  {
    slug: "ledger",
    name: "Ledger",
    team: payments,
    repository: "acme/ledger",
    cadence: { kind: "every", minDays: 18, maxDays: 32 },
    commits: [4, 8],
    leadHours: [72, 400],
    failureWeight: 1,
    buildMinutes: [14, 20],
    staging: false,
    topics: ["journal entries", "reconciliation", "month-end close", "FX revaluation"],
    scopes: ["journal", "recon"],
    incidentTitles: ["Reconciliation report out of balance", "Month-end close job failed"],
  },
  {
    slug: "identity-api",
    name: "Identity API",
    team: platform,
    repository: "acme/identity-api",
    cadence: { kind: "daily", weekday: 1.5, weekend: 0.1 },
    commits: [1, 7],
    leadHours: [2, 48],
    failureWeight: 1,
    buildMinutes: [6, 10],
    staging: true,
    topics: ["login", "refresh tokens", "MFA", "SCIM sync", "password policy", "sessions"],
    scopes: ["auth", "oauth", "scim", "mfa"],
    incidentTitles: ["Login failures for SSO users", "Token refresh returning 401", "Elevated latency on /oauth/token", "MFA codes rejected"],
  },
  {
    slug: "notifications",
    name: "Notifications",
    team: platform,
    repository: "acme/notifications",
    cadence: { kind: "daily", weekday: 1, weekend: 0 },
    commits: [1, 7],
    leadHours: [4, 96],
    failureWeight: 1,
    buildMinutes: [5, 8],
    staging: false,
    topics: ["email templates", "push delivery", "SMS fallback", "digest emails", "unsubscribe links"],
    scopes: ["email", "push", "sms"],
    incidentTitles: ["Password reset emails delayed", "Push notifications not delivered", "SMS fallback sending twice"],
  },
];

export function serviceBySlug(slug: string): ServiceSpec {
  const service = SERVICES.find((candidate) => candidate.slug === slug);
  if (service === undefined) throw new Error(`unknown demo service ${slug}`);
  return service;
}
