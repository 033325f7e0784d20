// The JUnit test suites of the three services that upload reports, with the behaviour of each
// test. The interesting ones are the stories of docs/demo.md; the rest always pass.

export type Behaviour =
  | "stable"
  | "skipped"
  /** checkout-web: fails attempt 1 of a build, passes the rerun; more often as time goes on. */
  | "costly-flaky"
  /** payments-api: flaky until the calendar's flakyFixedAt, then always passes. */
  | "fixed-flaky"
  /** Fails attempt 1 now and then; a minor flaky test. */
  | "rare-flaky"
  /** identity-api: Surefire reruns it inside the report (failed then passed). */
  | "in-report-retry"
  /** identity-api: fails on every attempt during the calendar's brokenTest week. */
  | "broken-week";

export interface TestSpec {
  suite: string;
  name: string;
  variant: string;
  baseMs: number;
  behaviour: Behaviour;
}

type Row = readonly [suite: string, name: string, baseMs: number, behaviour?: Behaviour];

function rows(list: readonly Row[], variant = ""): TestSpec[] {
  return list.map(([suite, name, baseMs, behaviour]) => ({ suite, name, variant, baseMs, behaviour: behaviour ?? "stable" }));
}

// Playwright files run in two projects (the variant); one variant of one test is the flaky one.
const CHECKOUT_E2E: readonly Row[] = [
  ["checkout.payment.spec.ts", "payment step › pays with a saved card", 6_200],
  ["checkout.payment.spec.ts", "payment step › applies a promo code", 7_400],
  ["checkout.payment.spec.ts", "payment step › shows an error for an expired card", 4_100],
  ["checkout.shipping.spec.ts", "shipping › calculates shipping for EU addresses", 3_800],
  ["checkout.shipping.spec.ts", "shipping › keeps the address after going back", 4_600],
  ["cart.spec.ts", "cart › adds an item from the product page", 3_300],
  ["cart.spec.ts", "cart › updates quantity from the mini cart", 3_900],
  ["search.spec.ts", "search › shows suggestions while typing", 2_800],
];

const CHECKOUT_UNIT: readonly Row[] = [
  ["src.cart.totals.test.ts", "rounds tax per line", 12],
  ["src.cart.totals.test.ts", "applies percentage discounts", 9],
  ["src.cart.totals.test.ts", "applies the free shipping threshold", 8],
  ["src.checkout.address.test.ts", "validates postal codes", 15],
  ["src.checkout.address.test.ts", "formats addresses for the label printer", 11],
  ["src.payment.cardForm.test.tsx", "masks the card number", 48],
  ["src.payment.cardForm.test.tsx", "detects the card brand from the prefix", 21],
  ["src.payment.cardForm.test.tsx", "rejects expired dates", 19],
  ["src.i18n.currency.test.ts", "formats JPY without decimals", 4],
  ["src.i18n.currency.test.ts", "formats EUR with comma decimals", 4],
  ["src.analytics.events.test.ts", "batches events", 31],
  ["src.analytics.events.test.ts", "drops events without consent", 17],
  ["src.analytics.events.test.ts", "sends events with sendBeacon on unload", 0, "skipped"],
];

function checkoutWeb(): TestSpec[] {
  const chromium = rows(CHECKOUT_E2E, "chromium").map((test) =>
    test.name.startsWith("search › shows suggestions") ? { ...test, behaviour: "rare-flaky" as const } : test,
  );
  const webkit = rows(CHECKOUT_E2E, "webkit").map((test) =>
    test.name === "payment step › applies a promo code" ? { ...test, behaviour: "costly-flaky" as const } : test,
  );
  return [...chromium, ...webkit, ...rows(CHECKOUT_UNIT)];
}

const PAYMENTS: readonly Row[] = [
  ["com.acme.payments.charge.ChargeServiceTest", "createsCharge", 140],
  ["com.acme.payments.charge.ChargeServiceTest", "rejectsNegativeAmount", 35],
  ["com.acme.payments.charge.ChargeServiceTest", "retriesDeclinedCardWithBackoff", 420],
  ["com.acme.payments.charge.ChargeServiceTest", "capturesAuthorizedCharge", 160],
  ["com.acme.payments.refund.RefundServiceTest", "refundsFullAmount", 120],
  ["com.acme.payments.refund.RefundServiceTest", "refundsPartialAmount", 130],
  ["com.acme.payments.refund.RefundServiceTest", "rejectsRefundAboveCharge", 40],
  ["com.acme.payments.refund.RefundServiceTest", "refundsInLegacyCurrency", 0, "skipped"],
  ["com.acme.payments.webhook.WebhookDeliveryTest", "signsPayload", 25],
  ["com.acme.payments.webhook.WebhookDeliveryTest", "redeliversAfterTimeout", 2_900, "fixed-flaky"],
  ["com.acme.payments.webhook.WebhookDeliveryTest", "stopsAfterMaxAttempts", 1_100],
  ["com.acme.payments.webhook.WebhookDeliveryTest", "ordersEventsPerMerchant", 380],
  ["com.acme.payments.currency.MoneyTest", "roundsHalfEven", 6],
  ["com.acme.payments.currency.MoneyTest", "convertsWithDailyRate", 14],
  ["com.acme.payments.currency.MoneyTest", "rejectsUnknownCurrency", 5],
  ["com.acme.payments.vault.CardVaultTest", "tokenizesCard", 210],
  ["com.acme.payments.vault.CardVaultTest", "neverLogsPan", 90],
  ["com.acme.payments.vault.CardVaultTest", "rotatesKeys", 640],
  ["com.acme.payments.api.ChargeControllerIT", "returns201OnCreate", 1_800],
  ["com.acme.payments.api.ChargeControllerIT", "returns402OnDecline", 1_200],
  ["com.acme.payments.api.ChargeControllerIT", "returns409OnDuplicateIdempotencyKey", 1_300],
  ["com.acme.payments.api.ChargeControllerIT", "paginatesCharges", 1_500],
  ["com.acme.payments.payout.PayoutSchedulerTest", "schedulesDailyPayouts", 75],
  ["com.acme.payments.payout.PayoutSchedulerTest", "skipsBankHolidays", 60],
  ["com.acme.payments.payout.PayoutSchedulerTest", "batchesSmallPayouts", 95],
  ["com.acme.payments.fraud.VelocityRuleTest", "flagsBurstOfSmallCharges", 55],
  ["com.acme.payments.fraud.VelocityRuleTest", "allowsKnownDevices", 30],
];

const IDENTITY: readonly Row[] = [
  ["com.acme.identity.token.TokenServiceTest", "issuesAccessToken", 85],
  ["com.acme.identity.token.TokenServiceTest", "refreshesToken", 95],
  ["com.acme.identity.token.TokenServiceTest", "rejectsExpiredToken", 40],
  ["com.acme.identity.token.TokenServiceTest", "rotatesSigningKey", 310],
  ["com.acme.identity.session.SessionStoreTest", "createsSession", 60],
  ["com.acme.identity.session.SessionStoreTest", "evictsIdleSessionsAfterTimeout", 1_600, "in-report-retry"],
  ["com.acme.identity.session.SessionStoreTest", "revokesAllSessionsOnPasswordChange", 120],
  ["com.acme.identity.password.PasswordPolicyTest", "rejectsShortPasswords", 8],
  ["com.acme.identity.password.PasswordPolicyTest", "rejectsPasswordsFromBreachList", 260, "broken-week"],
  ["com.acme.identity.password.PasswordPolicyTest", "acceptsPassphrases", 9],
  ["com.acme.identity.oauth.AuthorizationCodeFlowIT", "exchangesCodeForToken", 900],
  ["com.acme.identity.oauth.AuthorizationCodeFlowIT", "rejectsReusedCode", 700],
  ["com.acme.identity.oauth.AuthorizationCodeFlowIT", "enforcesPkce", 650],
  ["com.acme.identity.oauth.AuthorizationCodeFlowIT", "redirectsToRegisteredUriOnly", 600],
  ["com.acme.identity.mfa.TotpVerifierTest", "acceptsCurrentCode", 12],
  ["com.acme.identity.mfa.TotpVerifierTest", "acceptsPreviousWindow", 11],
  ["com.acme.identity.mfa.TotpVerifierTest", "rejectsReplayedCode", 14],
  ["com.acme.identity.scim.ScimUsersIT", "createsUser", 1_100],
  ["com.acme.identity.scim.ScimUsersIT", "deactivatesUser", 950],
  ["com.acme.identity.scim.ScimUsersIT", "paginatesUsers", 1_250],
  ["com.acme.identity.scim.ScimUsersIT", "filtersByEmail", 1_000],
  ["com.acme.identity.audit.AuditLogTest", "recordsLogin", 45],
  ["com.acme.identity.audit.AuditLogTest", "redactsSecrets", 30],
  ["com.acme.identity.ldap.LdapSyncTest", "syncsGroups", 0, "skipped"],
];

/** Test suites by service slug; services not listed upload no JUnit reports. */
export const TEST_SUITES: Readonly<Record<string, readonly TestSpec[]>> = {
  "checkout-web": checkoutWeb(),
  "payments-api": rows(PAYMENTS),
  "identity-api": rows(IDENTITY),
};

/** The named tests of the story, for the tests and the docs. */
export const STORY_TESTS = {
  costlyFlaky: { service: "checkout-web", suite: "checkout.payment.spec.ts", name: "payment step › applies a promo code", variant: "webkit" },
  rareFlaky: { service: "checkout-web", suite: "search.spec.ts", name: "search › shows suggestions while typing", variant: "chromium" },
  fixedFlaky: { service: "payments-api", suite: "com.acme.payments.webhook.WebhookDeliveryTest", name: "redeliversAfterTimeout", variant: "" },
  inReportRetry: { service: "identity-api", suite: "com.acme.identity.session.SessionStoreTest", name: "evictsIdleSessionsAfterTimeout", variant: "" },
  broken: { service: "identity-api", suite: "com.acme.identity.password.PasswordPolicyTest", name: "rejectsPasswordsFromBreachList", variant: "" },
} as const;
