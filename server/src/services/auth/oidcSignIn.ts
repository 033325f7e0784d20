// Single sign-on: what to do with the claims an OpenID provider vouched for. The first sign-in
// creates the user with the default role; later ones find them by issuer and subject (or, once,
// by e-mail, to link a user an admin created). A disabled user, an unverified e-mail or a domain
// outside the allow-list is refused.
import type { RoleValue } from "@keel/shared";
import type { Tx } from "../../db/types.ts";
import { KeelError } from "../../errors.ts";
import { recordAudit } from "./audit.ts";
import { createSession, type SessionPolicy } from "./sessions.ts";

export interface OidcClaims {
  issuer: string;
  subject: string;
  email: string | undefined;
  emailVerified: boolean | undefined;
  name: string | undefined;
}

export interface OidcPolicy {
  allowedDomains: readonly string[];
  defaultRole: RoleValue;
  session: SessionPolicy;
}

function refuse(db: Tx, claims: OidcClaims, ip: string, reason: string, message: string): Promise<never> {
  const target = claims.email?.toLowerCase() ?? `${claims.issuer}#${claims.subject}`;
  return recordAudit({ db, input: { actor: `user:${target}`, action: "auth.login.failed", target, changes: { method: "oidc", reason }, ip } }).then(() => {
    throw new KeelError("FORBIDDEN", message);
  });
}

export async function signInWithOidc({ db, input }: { db: Tx; input: { claims: OidcClaims; policy: OidcPolicy; ip: string } }) {
  const { claims, policy, ip } = input;
  const email = claims.email?.trim().toLowerCase();
  if (!email) return refuse(db, claims, ip, "no e-mail claim", "Your identity provider did not share an e-mail address with Keel.");
  if (claims.emailVerified === false) return refuse(db, claims, ip, "e-mail not verified", "Your e-mail address is not verified at your identity provider.");
  const domain = email.split("@")[1] ?? "";
  if (policy.allowedDomains.length > 0 && !policy.allowedDomains.includes(domain)) {
    return refuse(db, claims, ip, `domain ${domain} not allowed`, `Sign-in is limited to ${policy.allowedDomains.join(", ")} addresses.`);
  }
  let user = await db.user.findUnique({ where: { oidcIssuer_oidcSubject: { oidcIssuer: claims.issuer, oidcSubject: claims.subject } } });
  if (!user) {
    const byEmail = await db.user.findUnique({ where: { email } });
    if (byEmail && byEmail.oidcSubject)
      return refuse(db, claims, ip, "e-mail linked to another identity", "This e-mail address is already linked to another sign-in.");
    user = byEmail
      ? await db.user.update({ where: { id: byEmail.id }, data: { oidcIssuer: claims.issuer, oidcSubject: claims.subject } })
      : await db.user.create({
          data: {
            email,
            name: claims.name?.trim() || email.split("@")[0] || email,
            role: policy.defaultRole,
            oidcIssuer: claims.issuer,
            oidcSubject: claims.subject,
          },
        });
    if (!byEmail)
      await recordAudit({
        db,
        input: { actor: `user:${email}`, action: "user.create", target: email, changes: { role: policy.defaultRole, via: "single sign-on" }, ip },
      });
  }
  if (user.disabled) return refuse(db, claims, ip, "user disabled", "Your Keel account is disabled; ask an admin.");
  const session = await createSession({ db, input: { userId: user.id, policy: policy.session } });
  await recordAudit({ db, input: { actor: `user:${user.email}`, action: "auth.login", target: user.email, changes: { method: "oidc" }, ip } });
  return { session, user: { email: user.email, name: user.name, role: user.role } };
}
