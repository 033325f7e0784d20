import { expect, test } from "vitest";
import { testShortName, testWhere } from "./testName.ts";

test("names a test by itself first, then where it lives", () => {
  const promo = {
    name: "payment step › applies a promo code",
    suite: "checkout.payment.spec.ts",
    variant: "webkit",
    service: "checkout-web",
    repository: "acme/checkout-web",
  };
  expect(testShortName(promo)).toBe("payment step › applies a promo code [webkit]");
  expect(testWhere(promo)).toBe("checkout.payment.spec.ts · webkit · checkout-web");
  const junit = { name: "redeliversAfterTimeout", suite: "com.acme.payments.webhook.WebhookDeliveryTest", variant: "", serviceSlug: "payments-api" };
  expect(testShortName(junit)).toBe("redeliversAfterTimeout");
  expect(testWhere(junit)).toBe("com.acme.payments.webhook.WebhookDeliveryTest · payments-api");
  expect(testWhere({ name: "n", suite: "s", variant: "", service: null, repository: "acme/x" })).toBe("s · acme/x");
});
