// How a test is named on screen: its own name first, then where it lives.

export interface TestIdentityLike {
  name: string;
  suite: string;
  variant: string;
  service?: string | null;
  serviceSlug?: string | null;
  repository?: string | null;
}

/** "checkout.payment.spec.ts · webkit · checkout-web" */
export function testWhere(t: TestIdentityLike): string {
  return [t.suite, t.variant, t.service ?? t.serviceSlug ?? t.repository].filter((part): part is string => Boolean(part)).join(" · ");
}

/** "payment step › applies a promo code [webkit]" */
export function testShortName(t: Pick<TestIdentityLike, "name" | "variant">): string {
  return t.variant ? `${t.name} [${t.variant}]` : t.name;
}
