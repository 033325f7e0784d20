// The JUnit test suites of the three services that upload reports, with the behaviour of each
// test. The interesting ones are the stories of docs/demo.md; the rest always pass. The suites are
// data (testSuites.json): rows of suite, name, base duration in ms and, when not stable, behaviour.
import { z } from "zod";
import suites from "./testSuites.json" with { type: "json" };

const Behaviour = z.enum([
  "stable",
  "skipped",
  /** checkout-web: fails attempt 1 of a build, passes the rerun; more often as time goes on. */
  "costly-flaky",
  /** payments-api: flaky until the calendar's flakyFixedAt, then always passes. */
  "fixed-flaky",
  /** Fails attempt 1 now and then; a minor flaky test. */
  "rare-flaky",
  /** identity-api: Surefire reruns it inside the report (failed then passed). */
  "in-report-retry",
  /** identity-api: fails on every attempt during the calendar's brokenTest week. */
  "broken-week",
]);

export interface TestSpec {
  suite: string;
  name: string;
  variant: string;
  baseMs: number;
  behaviour: z.infer<typeof Behaviour>;
}

const Rows = z.array(z.tuple([z.string(), z.string(), z.number(), Behaviour.optional()]));
type Row = z.infer<typeof Rows>[number];

const SUITES = z.strictObject({ checkoutE2e: Rows, checkoutUnit: Rows, payments: Rows, identity: Rows }).parse(suites);

function rows(list: readonly Row[], variant = ""): TestSpec[] {
  return list.map(([suite, name, baseMs, behaviour]) => ({ suite, name, variant, baseMs, behaviour: behaviour ?? "stable" }));
}

// Playwright files run in two projects (the variant); one variant of one test is the flaky one.
function checkoutWeb(): TestSpec[] {
  const chromium = rows(SUITES.checkoutE2e, "chromium").map((test) =>
    test.name.startsWith("search › shows suggestions") ? { ...test, behaviour: "rare-flaky" as const } : test,
  );
  const webkit = rows(SUITES.checkoutE2e, "webkit").map((test) =>
    test.name === "payment step › applies a promo code" ? { ...test, behaviour: "costly-flaky" as const } : test,
  );
  return [...chromium, ...webkit, ...rows(SUITES.checkoutUnit)];
}

/** Test suites by service slug; services not listed upload no JUnit reports. */
export const TEST_SUITES: Readonly<Record<string, readonly TestSpec[]>> = {
  "checkout-web": checkoutWeb(),
  "payments-api": rows(SUITES.payments),
  "identity-api": rows(SUITES.identity),
};

/** The named tests of the story, for the tests and the docs. */
export const STORY_TESTS = {
  costlyFlaky: { service: "checkout-web", suite: "checkout.payment.spec.ts", name: "payment step › applies a promo code", variant: "webkit" },
  rareFlaky: { service: "checkout-web", suite: "search.spec.ts", name: "search › shows suggestions while typing", variant: "chromium" },
  fixedFlaky: { service: "payments-api", suite: "com.acme.payments.webhook.WebhookDeliveryTest", name: "redeliversAfterTimeout", variant: "" },
  inReportRetry: { service: "identity-api", suite: "com.acme.identity.session.SessionStoreTest", name: "evictsIdleSessionsAfterTimeout", variant: "" },
  broken: { service: "identity-api", suite: "com.acme.identity.password.PasswordPolicyTest", name: "rejectsPasswordsFromBreachList", variant: "" },
} as const;
