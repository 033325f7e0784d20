// A failed sync's error in words for the Data sources page: what went wrong and what to do. Never
// the token: vendor messages are short texts, and request details are not copied.
export function describeSyncError(error: unknown, signal?: AbortSignal): string {
  if (signal?.aborted) return "The sync was stopped (Keel shut down); the next one resumes where it stopped.";
  // Before the status: Octokit reports a request that reached no server as a 500 it never received.
  const unreached = unreachedCode(error);
  if (unreached) return `Could not reach the API (${unreached}): check apiUrl.`;
  const status = (error as { status?: unknown }).status;
  const url = (error as { request?: { url?: string } }).request?.url;
  const where = url ? ` (${new URL(url).pathname})` : "";
  if (status === 401) return `The token was refused (401)${where}: check it is valid and not expired.`;
  if (status === 403)
    return `The token may not read this${where} (403): give it read access (GitHub: the repository, deployments, issues and actions; GitLab: the read_api scope).`;
  if (status === 404) return `Not found${where} (404): check the repository or project name, and that the token can see it.`;
  if (typeof status === "number") return `The server answered ${status}${where}.`;
  const message = error instanceof Error ? error.message : String(error);
  return message.slice(0, 500);
}

/**
 * No answer came: nothing listens there, the host does not resolve (for now or at all), the
 * network has no route to it, or the connection was closed or timed out before any answer. Node's
 * fetch (undici) names its own socket and timeout failures UND_ERR_*.
 */
const UNREACHED_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "ECONNRESET", "ETIMEDOUT", "EPIPE"]);
const isUnreached = (code: string) => UNREACHED_CODES.has(code) || code.startsWith("UND_ERR_");

/**
 * The system error code of a request that got no answer, from the error's causes: fetch's
 * "fetch failed" holds it one cause down, Octokit's RequestError two.
 */
function unreachedCode(error: unknown): string | undefined {
  let e = error;
  for (let depth = 0; depth < 3 && e; depth++) {
    const { code, cause } = e as { code?: unknown; cause?: unknown };
    if (typeof code === "string" && isUnreached(code)) return code;
    e = cause;
  }
  return undefined;
}
