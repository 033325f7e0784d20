// Sign-in and sign-out (docs/security.md, api.md "Sign-in"): POST /auth/login, POST /auth/logout,
// GET /auth/me, POST /auth/setup (the first admin) and single sign-on at /auth/oidc/*.
import { parse as parseCookie } from "cookie";
import express, { Router, type Request, type Response } from "express";
import { LoginInput, SetupInput } from "@keel/shared";
import type { Db } from "../db/client.ts";
import { KeelError } from "../errors.ts";
import type { Logger } from "../logger.ts";
import { recordAudit } from "../services/auth/audit.ts";
import { signInWithOidc, type OidcPolicy } from "../services/auth/oidcSignIn.ts";
import { endSession, type SessionPolicy } from "../services/auth/sessions.ts";
import { completeSetup, needsSetup } from "../services/auth/setup.ts";
import { signInWithPassword, SignInThrottled } from "../services/auth/signIn.ts";
import { SESSION_COOKIE, sessionCookieOf } from "./auth.ts";
import type { OidcClient, OidcFlow } from "./oidc.ts";
import { fromOwnOrigin, type SecurityOptions } from "./security.ts";
import { parseOrThrow } from "./validate.ts";

export interface AuthRouteOptions {
  session: SessionPolicy;
  security: SecurityOptions;
  oidc?: { client: OidcClient; policy: Omit<OidcPolicy, "session"> } | undefined;
}

const FLOW_COOKIE = "keel_oidc";
const FLOW_MS = 10 * 60_000;

function clientIp(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? "unknown";
}

export function authRoutes(db: Db, logger: Logger, options: AuthRouteOptions): Router {
  const router = Router();
  const secure = options.security.publicUrl?.startsWith("https://") ?? false;
  const cookieBase = { httpOnly: true, sameSite: "lax" as const, secure, path: "/" };

  const setSession = (res: Response, session: { cookie: string; expiresAt: Date }) => {
    res.cookie(SESSION_COOKIE, session.cookie, { ...cookieBase, expires: session.expiresAt });
  };
  const sameOrigin: express.RequestHandler = (req, _res, next) => {
    next(fromOwnOrigin(req, options.security) ? undefined : new KeelError("FORBIDDEN", "Cross-site request refused."));
  };
  const json = express.json({ limit: "16kb", type: () => true });

  router.post("/login", sameOrigin, json, async (req, res) => {
    const input = parseOrThrow(LoginInput, req.body);
    try {
      const { session, user } = await signInWithPassword({ db, input: { ...input, ip: clientIp(req), policy: options.session } });
      setSession(res, session);
      res.json({ user });
    } catch (error) {
      if (error instanceof SignInThrottled) res.set("Retry-After", String(error.retryAfterSeconds));
      if (error instanceof KeelError && (error.code === "UNAUTHORIZED" || error.code === "RATE_LIMITED")) {
        logger.warn({ email: input.email, ip: clientIp(req), reason: error.code }, "sign-in refused");
      }
      throw error;
    }
  });

  router.post("/setup", sameOrigin, json, async (req, res) => {
    const input = parseOrThrow(SetupInput, req.body);
    const { session, user } = await completeSetup({ db, input: { ...input, ip: clientIp(req), policy: options.session } });
    setSession(res, session);
    res.json({ user });
  });

  router.post("/logout", sameOrigin, async (req, res) => {
    const cookie = sessionCookieOf(req);
    if (cookie) await endSession({ db, input: { cookie } });
    if (req.identity?.kind === "user") {
      await recordAudit({ db, input: { actor: `user:${req.identity.email}`, action: "auth.logout", target: req.identity.email, ip: clientIp(req) } });
    }
    res.clearCookie(SESSION_COOKIE, cookieBase);
    res.status(204).end();
  });

  router.get("/me", async (req, res) => {
    const identity = req.identity;
    const signIn = { password: true, sso: options.oidc !== undefined, setup: await needsSetup({ db }) };
    if (identity?.kind === "user") return res.json({ user: { email: identity.email, name: identity.name, role: identity.role }, signIn });
    if (identity?.kind === "anonymous" && identity.role) return res.json({ user: null, anonymousRole: identity.role, signIn });
    res.status(401).json({ error: { code: "UNAUTHORIZED", message: "Not signed in." }, signIn });
  });

  router.get("/oidc/login", async (_req, res) => {
    if (!options.oidc) throw new KeelError("NOT_FOUND", "Single sign-on is not configured (KEEL_OIDC_ISSUER).");
    const { url, flow } = await options.oidc.client.start();
    res.cookie(FLOW_COOKIE, Buffer.from(JSON.stringify(flow)).toString("base64url"), { ...cookieBase, path: "/auth/oidc", maxAge: FLOW_MS });
    res.redirect(302, url);
  });

  router.get("/oidc/callback", async (req, res) => {
    if (!options.oidc || !options.security.publicUrl) throw new KeelError("NOT_FOUND", "Single sign-on is not configured (KEEL_OIDC_ISSUER).");
    const raw = parseCookie(req.get("cookie") ?? "")[FLOW_COOKIE];
    res.clearCookie(FLOW_COOKIE, { ...cookieBase, path: "/auth/oidc" });
    try {
      if (!raw) throw new KeelError("VALIDATION_FAILED", "The sign-in took too long or was started elsewhere; try again.");
      const flow = JSON.parse(Buffer.from(raw, "base64url").toString()) as OidcFlow;
      const claims = await options.oidc.client.finish(new URL(req.originalUrl, options.security.publicUrl), flow);
      const { session } = await signInWithOidc({
        db,
        input: {
          claims: { email: undefined, emailVerified: undefined, name: undefined, ...claims },
          policy: { ...options.oidc.policy, session: options.session },
          ip: clientIp(req),
        },
      });
      setSession(res, session);
      res.redirect(302, "/");
    } catch (error) {
      const message = error instanceof KeelError ? error.message : "Single sign-on failed. Try again; if it keeps failing, the server log has the details.";
      if (!(error instanceof KeelError)) logger.warn({ err: error }, "single sign-on failed");
      res.redirect(302, `/sign-in?error=${encodeURIComponent(message)}`);
    }
  });

  return router;
}
