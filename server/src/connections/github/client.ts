// The GitHub REST client: Octokit with Link pagination, at the connection's apiUrl (GitHub
// Enterprise Server: https://HOST/api/v3), waiting out rate limits on the injected clock and
// continuing: a rate limit only delays a sync.
import { Octokit } from "@octokit/core";
import { paginateRest } from "@octokit/plugin-paginate-rest";
import { withRequestSignal } from "../requestSignal.ts";
import type { Clock } from "../types.ts";
import { rateLimitWaitMs } from "./rateLimit.ts";

const GithubClient = Octokit.plugin(paginateRest);
export type GithubClient = InstanceType<typeof GithubClient>;

/** Rate-limit waits in a row before the sync gives up on one request. */
const MAX_WAITS = 10;

const quiet = () => undefined;

export function githubClient(options: {
  apiUrl?: string | undefined;
  token: string;
  clock: Clock;
  onWait: (ms: number) => void;
  signal: AbortSignal;
}): GithubClient {
  const octokit = new GithubClient({
    auth: options.token,
    baseUrl: options.apiUrl ?? "https://api.github.com",
    userAgent: "keel-connection",
    // Octokit's own messages stay out of the log: ours name the connection and never the token.
    log: { debug: quiet, info: quiet, warn: quiet, error: quiet },
  });
  octokit.hook.wrap("request", async (request, params) => {
    for (let waits = 0; ; waits++) {
      try {
        // Each request with its own signal (requestSignal.ts).
        return await withRequestSignal(options.signal, async (signal) => await request({ ...params, request: { ...params.request, signal } }));
      } catch (error) {
        const status = (error as { status?: number }).status ?? 0;
        const headers = (error as { response?: { headers?: Record<string, string> } }).response?.headers ?? {};
        const wait = rateLimitWaitMs(status, headers, options.clock.now());
        if (wait === undefined || waits >= MAX_WAITS) throw error;
        options.onWait(wait);
        await options.clock.sleep(wait);
        options.signal.throwIfAborted();
      }
    }
  });
  return octokit;
}
