// An API Keel cannot reach (a closed loopback port, a host that does not resolve) fails a sync in
// the same words whichever client met it. Octokit reports such a request as a 500 it never received;
// the words must say the API was not reached, not that it answered.
import { createServer } from "node:net";
import { describe, expect, test } from "vitest";
import { githubClient } from "./github/client.ts";
import { gitlabClient } from "./gitlab/client.ts";
import { pagerdutyClient } from "./pagerduty/client.ts";
import { describeSyncError } from "./syncError.ts";
import { realClock } from "./types.ts";

/** A loopback port nothing listens on: a server's, once it has closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const options = (apiUrl: string) => ({ apiUrl, token: "t", clock: realClock, onWait: () => undefined, signal: new AbortController().signal });

/** One request each client makes at the start of a sync. */
const clients: [string, (apiUrl: string) => Promise<unknown>][] = [
  ["GitHub", (apiUrl) => githubClient(options(apiUrl)).request("GET /repos/{owner}/{repo}/deployments", { owner: "acme", repo: "checkout" })],
  ["GitLab", (apiUrl) => gitlabClient(options(apiUrl)).get("/projects/42")],
  ["PagerDuty", (apiUrl) => pagerdutyClient(options(apiUrl)).get("/incidents")],
];

const failureOf = (request: Promise<unknown>) =>
  request.then(
    () => expect.fail("the request succeeded"),
    (error: unknown) => error,
  );

describe.each(clients)("%s at an API it cannot reach", (_vendor, request) => {
  test("a closed port: the sync's error says the API was not reached and names apiUrl", async () => {
    const error = await failureOf(request(`http://127.0.0.1:${await closedPort()}`));
    expect(describeSyncError(error)).toBe("Could not reach the API (ECONNREFUSED): check apiUrl.");
  });

  test("a host that does not resolve: the same, with the resolver's code", async () => {
    const error = await failureOf(request("http://keel-no-such-host.invalid"));
    expect(describeSyncError(error)).toMatch(/^Could not reach the API \((ENOTFOUND|EAI_AGAIN)\): check apiUrl\.$/);
  });
});

/** A loopback server that accepts each connection and closes it before any answer. */
async function hangingUp(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe.each(clients)("%s at an API that hangs up", (_vendor, request) => {
  test("a connection closed before any answer: the sync's error says the API did not answer, not that it answered 500", async () => {
    const api = await hangingUp();
    try {
      const words = describeSyncError(await failureOf(request(api.url)));
      expect(words).not.toContain("answered");
      expect(words).toMatch(/^Could not reach the API \([A-Z_]+\): check apiUrl\.$/);
    } finally {
      await api.close();
    }
  });
});
