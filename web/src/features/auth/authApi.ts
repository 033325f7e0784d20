// The sign-in endpoints (GET /auth/me, POST /auth/login, /auth/logout, /auth/setup): plain JSON
// over fetch with the session cookie, not tRPC. Their errors have the REST shape
// { error: { code, message, details? } } (docs/api.md "Errors").
import { SERVER_FAILED, SERVER_UNREACHABLE, type Detail } from "../../api/describeApiError.ts";

/** A refused or failed request to /auth/*: its status, the server's words and field details. */
export class AuthRequestError extends Error {
  readonly status: number;
  readonly details: Detail[];
  /** From Retry-After, when too many sign-ins failed. */
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, message: string, details: Detail[] = [], retryAfterSeconds?: number) {
    super(message);
    this.name = "AuthRequestError";
    this.status = status;
    this.details = details;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** The message and details of an error body; undefined fields when it has none (or is not JSON). */
export function errorBodyOf(body: unknown): { message?: string; details: Detail[] } {
  const error = body && typeof body === "object" && "error" in body ? body.error : undefined;
  if (!error || typeof error !== "object") return { details: [] };
  const message = "message" in error && typeof error.message === "string" ? error.message : undefined;
  const raw = "details" in error && Array.isArray(error.details) ? (error.details as unknown[]) : [];
  const details = raw.flatMap((d) =>
    d && typeof d === "object" && "message" in d && typeof d.message === "string"
      ? [{ path: "path" in d && typeof d.path === "string" ? d.path : "", message: d.message }]
      : [],
  );
  return { ...(message !== undefined ? { message } : {}), details };
}

/** Reads a response's JSON body; null when there is none or it is not JSON. */
export async function jsonOf(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** An AuthRequestError for a response that was not a success. */
export function failureOf(response: Response, body: unknown): AuthRequestError {
  const { message, details } = errorBodyOf(body);
  const retryAfter = Number(response.headers.get("Retry-After"));
  return new AuthRequestError(response.status, message ?? "", details, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined);
}

/** POSTs JSON to /auth/<path> and returns the answer's JSON; throws AuthRequestError when refused. */
export async function postAuth(path: "login" | "logout" | "setup", body?: unknown): Promise<unknown> {
  const response = await fetch(`/auth/${path}`, {
    method: "POST",
    credentials: "same-origin",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await jsonOf(response);
  if (!response.ok) throw failureOf(response, json);
  return json;
}

/** What to tell the reader when a sign-in request failed, in words. */
export function describeAuthError(error: unknown): string {
  // fetch rejects with a TypeError when the request never reached Keel.
  if (error instanceof TypeError) return SERVER_UNREACHABLE;
  if (!(error instanceof AuthRequestError) || error.status >= 500) return SERVER_FAILED;
  if (error.message) return error.message;
  if (error.status === 401) return "The e-mail or password is not right.";
  if (error.status === 429) return `Too many failed sign-ins. Try again in ${Math.ceil((error.retryAfterSeconds ?? 60) / 60)} minutes.`;
  // No message of Keel's: something else answered (a proxy's page, an old server).
  return SERVER_FAILED;
}

/** The server's field-by-field reasons (400 details), keyed by field; empty when it gave none. */
export function authFieldErrors(error: unknown): Partial<Record<string, string>> {
  const out: Partial<Record<string, string>> = {};
  if (error instanceof AuthRequestError) for (const d of error.details) if (d.path) out[d.path.split(".")[0] ?? d.path] ??= d.message;
  return out;
}
