// The webhook receivers through HTTP, over a real database: verification, storage as raw events,
// dedupe, and the processing that runs after the answer.
import { createHmac, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestApp, type TestApp } from "../support/httpApp.ts";

const secrets = { github: "github-secret-for-tests", gitlab: "gitlab-token-for-tests", pagerduty: "pagerduty-secret-for-tests" };

let app: TestApp;
let off: TestApp;
beforeAll(async () => {
  [app, off] = await Promise.all([startTestApp({ webhookSecrets: secrets }), startTestApp()]);
});
afterAll(() => Promise.all([app?.close(), off?.close()]));

const FIXTURES = fileURLToPath(new URL("../fixtures/webhooks/", import.meta.url));
/** A fixture's exact bytes: signatures are over the raw body. */
const fixture = (file: string): Buffer => readFileSync(FIXTURES + file);
const hmacHex = (secret: string, body: Buffer | string) => createHmac("sha256", secret).update(body).digest("hex");

function postGithub(kind: string, body: Buffer | string, options: { delivery?: string; signature?: string; contentType?: string; to?: TestApp } = {}) {
  const { delivery = randomUUID(), signature = `sha256=${hmacHex(secrets.github, body)}`, contentType = "application/json", to = app } = options;
  return to.request("/webhooks/github", {
    method: "POST",
    body,
    token: null,
    headers: { "content-type": contentType, "x-github-event": kind, "x-github-delivery": delivery, "x-hub-signature-256": signature },
  });
}

function postGitlab(kind: string, body: Buffer | string, headers: Record<string, string> = {}) {
  return app.request("/webhooks/gitlab", {
    method: "POST",
    body,
    token: null,
    headers: { "content-type": "application/json", "x-gitlab-event": kind, "x-gitlab-token": secrets.gitlab, ...headers },
  });
}

function postPagerduty(body: Buffer | string, signature = `v1=${hmacHex(secrets.pagerduty, body)}`) {
  return app.request("/webhooks/pagerduty", {
    method: "POST",
    body,
    token: null,
    headers: { "content-type": "application/json", "x-pagerduty-signature": signature },
  });
}

/** The first recording in a process compiles its query plans; latency tests measure after that. */
async function warmUp() {
  await postGithub("push", fixture("github/push.json"));
  const deployment = JSON.parse(fixture("github/deployment_status.json").toString());
  deployment.deployment.id = 1;
  await postGithub("deployment_status", JSON.stringify(deployment));
  await app.webhookQueue.idle();
}

/** The JSON error of api.md "Errors". */
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

const rawEvent = (dedupeKey: string) => app.database.prisma.rawEvent.findUniqueOrThrow({ where: { dedupeKey } });

describe("turned off and refused", () => {
  test.each([
    ["/webhooks/github", "KEEL_GITHUB_WEBHOOK_SECRET"],
    ["/webhooks/gitlab", "KEEL_GITLAB_WEBHOOK_TOKEN"],
    ["/webhooks/pagerduty", "KEEL_PAGERDUTY_WEBHOOK_SECRET"],
  ])("%s answers 404 while %s is unset", async (path, setting) => {
    const res = await off.request(path, { method: "POST", body: "{}", token: null, headers: { "content-type": "application/json" } });
    expect(res.status).toBe(404);
    const error = await errorOf(res);
    expect(error.code).toBe("NOT_FOUND");
    expect(error.message).toContain(setting);
  });

  test("a wrong or missing signature is 401 and stores nothing", async () => {
    const before = await app.database.prisma.rawEvent.count();
    const body = fixture("github/deployment_status.json");
    const answers = [
      await postGithub("deployment_status", body, { signature: `sha256=${hmacHex("another secret", body)}` }),
      await postGithub("deployment_status", body, { signature: "" }),
      await postGitlab("Push Hook", fixture("gitlab/push.json"), { "x-gitlab-token": "not-the-token" }),
      await postPagerduty(fixture("pagerduty/incident.triggered.json"), `v1=${hmacHex("another secret", "x")}`),
    ];
    for (const res of answers) {
      expect(res.status).toBe(401);
      expect((await errorOf(res)).code).toBe("UNAUTHORIZED");
    }
    expect(await app.database.prisma.rawEvent.count()).toBe(before);
  });

  test("a signed body that is not JSON is 400", async () => {
    const res = await postGithub("push", "{not json");
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe("VALIDATION_FAILED");
  });
});

describe("GitHub", () => {
  const delivery = randomUUID();

  test("a deployment_status is answered 202 and stored as received; after the answer it becomes a Deployment", async () => {
    const body = fixture("github/deployment_status.json");
    const started = performance.now();
    const res = await postGithub("deployment_status", body, { delivery });
    const answeredMs = performance.now() - started;
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ status: "queued" });
    // The process's very first delivery (cold query plans) is held to the contract itself.
    expect(answeredMs).toBeLessThan(1000);

    const stored = await rawEvent(`github:${delivery}`);
    expect(stored).toMatchObject({ source: "github", kind: "deployment_status" });
    expect(stored.payload).toEqual(JSON.parse(body.toString()));

    await app.webhookQueue.idle();
    expect(await rawEvent(`github:${delivery}`)).toMatchObject({ processedAt: expect.any(Date), note: "recorded 1 (created 1, updated 0, unchanged 0)" });
    const deployment = await app.database.prisma.deployment.findUniqueOrThrow({ where: { id: "github:145988746" } });
    expect(deployment).toMatchObject({
      status: "success",
      commitSha: "f95f852bd8fca8fcc58a9a2d6c842781e32a215e",
      repository: "Codertocat/Hello-World",
      startedAt: new Date("2019-05-15T15:20:53Z"),
      finishedAt: new Date("2019-05-15T15:20:55Z"),
    });
  });

  test("a redelivery (same X-GitHub-Delivery) answers duplicate and changes nothing", async () => {
    const before = { raw: await app.database.prisma.rawEvent.count(), row: await rawEvent(`github:${delivery}`) };
    const res = await postGithub("deployment_status", fixture("github/deployment_status.json"), { delivery });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "duplicate" });
    await app.webhookQueue.idle();
    expect(await app.database.prisma.rawEvent.count()).toBe(before.raw);
    expect(await rawEvent(`github:${delivery}`)).toEqual(before.row);
  });

  test("a later status of the same deployment updates it", async () => {
    const payload = JSON.parse(fixture("github/deployment_status.json").toString());
    payload.deployment_status.state = "failure";
    payload.deployment_status.created_at = "2019-05-15T15:25:00Z";
    expect((await postGithub("deployment_status", JSON.stringify(payload))).status).toBe(202);
    await app.webhookQueue.idle();
    const rows = await app.database.prisma.deployment.findMany({ where: { id: "github:145988746" } });
    expect(rows).toEqual([expect.objectContaining({ status: "failure", finishedAt: new Date("2019-05-15T15:25:00Z") })]);
  });

  test("a kind Keel does not map is answered 202 ignored, and kept as a processed raw event with a note", async () => {
    const id = randomUUID();
    const res = await postGithub("ping", JSON.stringify({ zen: "Approachable is better than simple.", hook_id: 1 }), { delivery: id });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ status: "ignored", note: "ignored: ping" });
    expect(await rawEvent(`github:${id}`)).toMatchObject({ source: "github", kind: "ping", processedAt: expect.any(Date), note: "ignored: ping" });
  });

  test("a delivery that maps to nothing is processed, with what was dropped in its note", async () => {
    const id = randomUUID();
    expect((await postGithub("pull_request", fixture("github/pull_request.json"), { delivery: id })).status).toBe(202);
    await app.webhookQueue.idle();
    expect((await rawEvent(`github:${id}`)).note).toBe("recorded 0; dropped 1: pull request #2: closed without merging");
  });

  test("invalid events are named in the note; the valid ones of the same delivery are recorded", async () => {
    const payload = JSON.parse(fixture("github/push.json").toString());
    payload.commits.push({ ...payload.commits[0], id: "not a sha!", message: "broken" });
    const id = randomUUID();
    expect((await postGithub("push", JSON.stringify(payload), { delivery: id })).status).toBe(202);
    await app.webhookQueue.idle();
    expect((await rawEvent(`github:${id}`)).note).toBe(
      "recorded 1 (created 1, updated 0, unchanged 0); invalid 1: change not a sha!: sha must be a commit sha",
    );
    expect(await app.database.prisma.change.findFirst({ where: { sha: "6113728f27ae82c7b1a177c8d03f9e96e0adf246" } })).toMatchObject({
      repository: "Codertocat/Hello-World",
      title: "Initial commit",
    });
  });

  test("a form-encoded delivery (payload=...) is read too", async () => {
    const form = new URLSearchParams({ payload: fixture("github/workflow_run.json").toString() }).toString();
    const res = await postGithub("workflow_run", form, { contentType: "application/x-www-form-urlencoded" });
    expect(res.status).toBe(202);
    await app.webhookQueue.idle();
    expect(await app.database.prisma.build.findUnique({ where: { id: "github:289782451:1" } })).toMatchObject({
      pipeline: "test",
      status: "success",
      commitSha: "3484a3fb816e0859fd6e1cea078d76385ff50625",
    });
  });

  test("answers come back in well under a second while earlier deliveries are still being processed", async () => {
    await warmUp();
    const template = JSON.parse(fixture("github/deployment_status.json").toString());
    const answeredMs: number[] = [];
    for (let i = 0; i < 20; i++) {
      template.deployment.id = 900_000 + i;
      const started = performance.now();
      const res = await postGithub("deployment_status", JSON.stringify(template));
      answeredMs.push(performance.now() - started);
      expect(res.status).toBe(202);
    }
    expect(Math.max(...answeredMs)).toBeLessThan(1000);
    await app.webhookQueue.idle();
    expect(await app.database.prisma.deployment.count({ where: { id: { startsWith: "github:9000" } } })).toBe(20);
  });

  test("answers stay under a second while a 2,048-commit push (GitHub's maximum) is being recorded", async () => {
    await warmUp();
    const payload = JSON.parse(fixture("github/push.json").toString());
    const commit = payload.commits[0];
    const prefix = "b16b16";
    payload.commits = Array.from({ length: 2048 }, (_, i) => ({ ...commit, id: prefix + i.toString(16).padStart(34, "0") }));
    expect((await postGithub("push", JSON.stringify(payload))).status).toBe(202);
    let processing = true;
    const done = app.webhookQueue.idle().then(() => (processing = false));
    const answeredMs: number[] = [];
    while (processing) {
      const started = performance.now();
      expect((await postGithub("ping", JSON.stringify({ zen: "Speak like a human." }))).status).toBe(202);
      answeredMs.push(performance.now() - started);
    }
    await done;
    expect(answeredMs.length).toBeGreaterThan(1);
    expect(Math.max(...answeredMs)).toBeLessThan(1000);
    expect(await app.database.prisma.change.count({ where: { sha: { startsWith: prefix } } })).toBe(2048);
  });
});

describe("GitLab", () => {
  test("a Push Hook is stored and becomes changes; a resend of the same event is a duplicate", async () => {
    const body = fixture("gitlab/push.json");
    const uuid = randomUUID();
    const first = await postGitlab("Push Hook", body, { "x-gitlab-event-uuid": uuid });
    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({ status: "queued" });
    const again = await postGitlab("Push Hook", body, { "x-gitlab-event-uuid": uuid });
    expect(await again.json()).toEqual({ status: "duplicate" });
    await app.webhookQueue.idle();
    const stored = await app.database.prisma.rawEvent.findMany({ where: { source: "gitlab", kind: "Push Hook" } });
    expect(stored).toEqual([
      expect.objectContaining({ note: "recorded 2 (created 2, updated 0, unchanged 0); dropped 1: push: 2 of 4 commits are not in the payload" }),
    ]);
    const changes = await app.database.prisma.change.findMany({ where: { repository: "mike/diaspora" }, orderBy: { committedAt: "asc" } });
    expect(changes.map((c) => c.sha)).toEqual(["b6568db1bc1dcd7f8b4d5a946b0b91f9dacd7327", "da1560886d4f094c3e6c9ef40349f7d38b5d27d7"]);
  });

  test("without any delivery header, the body's hash dedupes", async () => {
    const body = fixture("gitlab/pipeline.json");
    expect((await postGitlab("Pipeline Hook", body)).status).toBe(202);
    expect(await (await postGitlab("Pipeline Hook", body)).json()).toEqual({ status: "duplicate" });
    await app.webhookQueue.idle();
    expect(await app.database.prisma.build.findUnique({ where: { id: "gitlab:31" } })).toMatchObject({ status: "success", attempt: 1 });
  });
});

describe("PagerDuty", () => {
  test("triggered, acknowledged and resolved are one incident with every time", async () => {
    for (const kind of ["triggered", "acknowledged", "resolved"]) {
      const body = fixture(`pagerduty/incident.${kind}.json`);
      // During a secret rotation PagerDuty sends one signature per secret.
      const res = await postPagerduty(body, `v1=${hmacHex("the old secret", body)},v1=${hmacHex(secrets.pagerduty, body)}`);
      expect(res.status).toBe(202);
    }
    await app.webhookQueue.idle();
    const incidents = await app.database.prisma.incident.findMany({ where: { id: "pagerduty:PGR0VU2" } });
    expect(incidents).toEqual([
      expect.objectContaining({
        title: "A little bump in the road",
        severity: "P1",
        openedAt: new Date("2020-04-09T15:16:27Z"),
        acknowledgedAt: new Date("2020-04-09T15:21:05Z"),
        resolvedAt: new Date("2020-04-09T16:02:44Z"),
        url: "https://acme.pagerduty.com/incidents/PGR0VU2",
      }),
    ]);
    // The deliveries as received (recordEvents also keeps each normalized event, under its own key).
    const stored = await app.database.prisma.rawEvent.findMany({ where: { dedupeKey: { startsWith: "pagerduty:" } }, orderBy: { id: "asc" } });
    expect(stored.map((r) => [r.kind, r.dedupeKey])).toEqual([
      ["incident.triggered", "pagerduty:01DVPQG0K6ZAW0V1TXBJ6YS5MB"],
      ["incident.acknowledged", "pagerduty:01DVPQJ3WXN7B1T8H4ZQF0C2KD"],
      ["incident.resolved", "pagerduty:01DVPRKD5Y9E2G7M3S6VHW8TQA"],
    ]);
  });

  test("event types Keel does not map are ignored, and a retried event is a duplicate", async () => {
    const body = fixture("pagerduty/incident.priority_updated.json");
    expect(await (await postPagerduty(body)).json()).toEqual({ status: "ignored", note: "ignored: incident.priority_updated" });
    expect(await (await postPagerduty(body)).json()).toEqual({ status: "duplicate" });
  });
});

describe("the queue", () => {
  test("deliveries a crash left unprocessed are processed on the next kick, and depth() counts them", async () => {
    // As a crash leaves it: stored and acknowledged, never processed.
    await app.database.prisma.rawEvent.create({
      data: {
        source: "github",
        kind: "workflow_run",
        dedupeKey: `github:${randomUUID()}`,
        payload: rerun(JSON.parse(fixture("github/workflow_run.json").toString())),
      },
    });
    expect(await app.webhookQueue.depth()).toBe(1);
    app.webhookQueue.kick();
    await app.webhookQueue.idle();
    expect(await app.webhookQueue.depth()).toBe(0);
    expect(await app.database.prisma.build.findUnique({ where: { id: "github:289782451:2" } })).toMatchObject({ attempt: 2 });
  });
});

function rerun(payload: { workflow_run: { run_attempt: number } }) {
  payload.workflow_run.run_attempt = 2;
  return payload;
}
