// What Keel does with the claims an OpenID provider vouched for (the flow itself runs against a
// real provider in test/e2e/signIn.test.ts): first sign-in creates a user with the default role,
// later ones find them; the allow-list, unverified e-mails and disabled users are refused.
import { afterAll, beforeAll, expect, test } from "vitest";
import { DEFAULT_SESSION_POLICY } from "../../../server/src/http/app.ts";
import { signInWithOidc, type OidcClaims, type OidcPolicy } from "../../../server/src/services/auth/oidcSignIn.ts";
import { createTestDatabase, type TestDatabase } from "../../support/database.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.close());

const policy: OidcPolicy = { allowedDomains: ["acme.example"], defaultRole: "viewer", session: DEFAULT_SESSION_POLICY };
const claims = (subject: string, more: Partial<OidcClaims> = {}): OidcClaims => ({
  issuer: "https://idp.example",
  subject,
  email: `${subject}@acme.example`,
  emailVerified: true,
  name: `Person ${subject}`,
  ...more,
});
const signIn = (c: OidcClaims, p = policy) => signInWithOidc({ db: database.prisma, input: { claims: c, policy: p, ip: "127.0.0.1" } });

test("the first sign-in creates the user with the default role; the next finds the same user", async () => {
  const first = await signIn(claims("ada", { email: "Ada@ACME.example" }));
  expect(first.user).toEqual({ email: "ada@acme.example", name: "Person ada", role: "viewer" });
  await database.prisma.user.update({ where: { email: "ada@acme.example" }, data: { role: "editor" } });
  // Even with a changed e-mail at the provider, issuer and subject name the person.
  expect((await signIn(claims("ada", { email: "ada.lovelace@acme.example" }))).user).toMatchObject({ email: "ada@acme.example", role: "editor" });
  expect(await database.prisma.user.count({ where: { oidcSubject: "ada" } })).toBe(1);
});

test("a user an admin created is linked by e-mail on their first single sign-on, keeping their role", async () => {
  await database.prisma.user.create({ data: { email: "grace@acme.example", name: "Grace", role: "admin" } });
  expect((await signIn(claims("grace"))).user).toMatchObject({ email: "grace@acme.example", role: "admin" });
  expect(await database.prisma.user.findUnique({ where: { email: "grace@acme.example" } })).toMatchObject({
    oidcIssuer: "https://idp.example",
    oidcSubject: "grace",
  });
});

test.each([
  ["an address outside the allowed domains", claims("mallory", { email: "mallory@elsewhere.example" }), "Sign-in is limited to acme.example addresses."],
  ["an unverified e-mail", claims("eve", { emailVerified: false }), "Your e-mail address is not verified at your identity provider."],
  ["no e-mail at all", claims("anon", { email: undefined }), "Your identity provider did not share an e-mail address with Keel."],
  [
    "an e-mail already linked to another subject",
    claims("impostor", { email: "ada@acme.example" }),
    "This e-mail address is already linked to another sign-in.",
  ],
])("%s is refused, audited, and creates no user", async (_name, c, message) => {
  const before = await database.prisma.user.count();
  await expect(signIn(c)).rejects.toThrow(message);
  expect(await database.prisma.user.count()).toBe(before);
  expect(
    await database.prisma.auditEvent.count({ where: { action: "auth.login.failed", target: (c.email ?? `${c.issuer}#${c.subject}`).toLowerCase() } }),
  ).toBeGreaterThan(0);
});

test("a disabled user cannot sign in with single sign-on", async () => {
  await signIn(claims("linus"));
  await database.prisma.user.update({ where: { email: "linus@acme.example" }, data: { disabled: true } });
  await expect(signIn(claims("linus"))).rejects.toThrow("Your Keel account is disabled; ask an admin.");
});

test("with no allow-list any verified domain may sign in, with the configured default role", async () => {
  const result = await signIn(claims("tim", { email: "tim@other.example" }), { ...policy, allowedDomains: [], defaultRole: "editor" });
  expect(result.user).toMatchObject({ email: "tim@other.example", role: "editor" });
});
