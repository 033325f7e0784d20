// What a browser-facing server owes its users (docs/security.md "The server"): security headers,
// a Host allow-list (so DNS rebinding cannot reach a Keel on a laptop) and a same-origin check on
// writes that a cookie authenticates (cross-site request forgery).
import type { Request, RequestHandler } from "express";
import helmet from "helmet";
import { KeelError } from "../errors.ts";

export interface SecurityOptions {
  /** KEEL_PUBLIC_URL: Keel's address as people reach it. */
  publicUrl?: string | undefined;
  /** KEEL_ALLOWED_HOSTS, split: more host names this server answers to. */
  allowedHosts: readonly string[];
  /** OpenID provider's origin, where the sign-in page may send people. */
  oidcIssuer?: string | undefined;
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function securityHeaders(options: SecurityOptions): RequestHandler {
  const https = options.publicUrl?.startsWith("https://") ?? false;
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        // ECharts and React set style attributes; no script runs from them.
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'", ...(options.oidcIssuer ? [new URL(options.oidcIssuer).origin] : [])],
        "frame-ancestors": ["'none'"],
        ...(https ? { "upgrade-insecure-requests": [] } : {}),
      },
    },
    strictTransportSecurity: https ? { maxAge: 31_536_000 } : false,
    referrerPolicy: { policy: "same-origin" },
  });
}

/** Host names without a port, lower-cased: "[::1]:3000" → "[::1]", "Keel.Example:443" → "keel.example". */
export function hostnameOf(host: string): string {
  const trimmed = host.trim().toLowerCase();
  if (trimmed.startsWith("[")) return trimmed.slice(0, trimmed.indexOf("]") + 1);
  return trimmed.replace(/:\d+$/, "");
}

export function hostAllowed(host: string | undefined, options: SecurityOptions): boolean {
  if (!host) return false;
  const name = hostnameOf(host);
  if (LOOPBACK.has(name) || name.endsWith(".localhost")) return true;
  if (options.publicUrl && hostnameOf(new URL(options.publicUrl).host) === name) return true;
  return options.allowedHosts.some((allowed) => hostnameOf(allowed) === name);
}

/** Refuses a request whose Host is not Keel's (health probes are answered before this, in app.ts). */
export function checkHost(options: SecurityOptions): RequestHandler {
  return (req, _res, next) => {
    if (hostAllowed(req.get("host"), options)) return next();
    next(new KeelError("FORBIDDEN", `This Keel does not answer to the host "${req.get("host") ?? ""}". Set KEEL_PUBLIC_URL or add it to KEEL_ALLOWED_HOSTS.`));
  };
}

/** Keel's own origins: KEEL_PUBLIC_URL's, and the one the request was sent to (its Host is already checked). */
function ownOrigins(req: Request, options: SecurityOptions): string[] {
  return [...(options.publicUrl ? [new URL(options.publicUrl).origin] : []), `${req.protocol}://${req.get("host") ?? ""}`.toLowerCase()];
}

/**
 * Whether a browser sent this request from Keel's own pages. A browser always sends Origin on
 * writes (or at least Sec-Fetch-Site); a request with neither comes from a program, not a page.
 */
export function fromOwnOrigin(req: Request, options: SecurityOptions): boolean {
  const origin = req.get("origin");
  if (origin !== undefined) return ownOrigins(req, options).includes(origin.toLowerCase());
  const site = req.get("sec-fetch-site");
  return site === undefined || site === "same-origin" || site === "none";
}

/** A write authenticated by the session cookie must come from Keel's own origin (403 otherwise). */
export function checkOrigin(options: SecurityOptions): RequestHandler {
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method) || req.identity?.kind !== "user") return next();
    if (fromOwnOrigin(req, options)) return next();
    next(new KeelError("FORBIDDEN", "Cross-site request refused: this write did not come from Keel's own pages."));
  };
}
