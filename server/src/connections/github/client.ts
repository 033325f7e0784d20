// The GitHub REST client: Octokit with Link pagination, at the connection's apiUrl (GitHub
// Enterprise Server: https://HOST/api/v3), waiting out rate limits on the injected clock and
// continuing: a rate limit only delays a sync.
import { Octokit } from "@octokit/core";
import { paginateRest } from "@octokit/plugin-paginate-rest";
import { waitingOutRateLimits, type WaitOptions } from "../rateLimited.ts";
import { withRequestSignal } from "../requestSignal.ts";
import { rateLimitWaitMs } from "./rateLimit.ts";

const GithubClient = Octokit.plugin(paginateRest);
export type GithubClient = InstanceType<typeof GithubClient>;

const quiet = () => undefined;

export function githubClient(options: WaitOptions & { apiUrl?: string | undefined; token: string }): GithubClient {
  const octokit = new GithubClient({
    auth: options.token,
    baseUrl: options.apiUrl ?? "https://api.github.com",
    userAgent: "keel-connection",
    // Octokit's own messages stay out of the log: ours name the connection and never the token.
    log: { debug: quiet, info: quiet, warn: quiet, error: quiet },
  });
  const waitFor = (error: unknown) => {
    const status = (error as { status?: number }).status ?? 0;
    const headers = (error as { response?: { headers?: Record<string, string> } }).response?.headers ?? {};
    return rateLimitWaitMs(status, headers, options.clock.now());
  };
  octokit.hook.wrap("request", (request, params) =>
    waitingOutRateLimits(
      // Each request with its own signal (requestSignal.ts).
      () => withRequestSignal(options.signal, async (signal) => await request({ ...params, request: { ...params.request, signal } })),
      waitFor,
      options,
    ),
  );
  return octokit;
}
