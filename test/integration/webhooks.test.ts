// The webhook receivers through HTTP, over a real database: turned off and refused deliveries, then
// GitHub's end to end (verification, storage as raw events, dedupe, and the processing that runs after
// the answer, answered in well under a second) and the queue that processes them, after a crash too.
// GitLab's and PagerDuty's are in webhooksGitlabPagerduty.test.ts.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestApp, type TestApp } from "../support/httpApp.ts";
import { errorOf, fixture, hmacHex, postGithub, postGitlab, postPagerduty, rawEvent, startWebhookApp } from "./webhooks/receivers.ts";

let app: TestApp;
let off: TestApp;
beforeAll(async () => {
  [app, off] = await Promise.all([startWebhookApp(), startTestApp()]);
});
afterAll(() => Promise.all([app?.close(), off?.close()]));

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
      await postGithub(app, "deployment_status", body, { signature: `sha256=${hmacHex("another secret", body)}` }),
      await postGithub(app, "deployment_status", body, { signature: "" }),
      await postGitlab(app, "Push Hook", fixture("gitlab/push.json"), { "x-gitlab-token": "not-the-token" }),
      await postPagerduty(app, fixture("pagerduty/incident.triggered.json"), `v1=${hmacHex("another secret", "x")}`),
    ];
    for (const res of answers) {
      expect(res.status).toBe(401);
      expect((await errorOf(res)).code).toBe("UNAUTHORIZED");
    }
    expect(await app.database.prisma.rawEvent.count()).toBe(before);
  });

  test("a signed body that is not JSON is 400", async () => {
    const res = await postGithub(app, "push", "{not json");
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe("VALIDATION_FAILED");
  });
});

/** The first recording in a process compiles its query plans; latency tests measure after that. */
async function warmUp() {
  await postGithub(app, "push", fixture("github/push.json"));
  const deployment = JSON.parse(fixture("github/deployment_status.json").toString());
  deployment.deployment.id = 1;
  await postGithub(app, "deployment_status", JSON.stringify(deployment));
  await app.webhookQueue.idle();
}

describe("GitHub", () => {
  const delivery = randomUUID();

  test("a deployment_status is answered 202 and stored as received; after the answer it becomes a Deployment", async () => {
    const body = fixture("github/deployment_status.json");
    const started = performance.now();
    const res = await postGithub(app, "deployment_status", body, { delivery });
    const answeredMs = performance.now() - started;
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ status: "queued" });
    // The process's very first delivery (cold query plans) is held to the contract itself.
    expect(answeredMs).toBeLessThan(1000);

    const stored = await rawEvent(app, `github:${delivery}`);
    expect(stored).toMatchObject({ source: "github", kind: "deployment_status" });
    expect(stored.payload).toEqual(JSON.parse(body.toString()));

    await app.webhookQueue.idle();
    expect(await rawEvent(app, `github:${delivery}`)).toMatchObject({ processedAt: expect.any(Date), note: "recorded 1 (created 1, updated 0, unchanged 0)" });
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
    const before = { raw: await app.database.prisma.rawEvent.count(), row: await rawEvent(app, `github:${delivery}`) };
    const res = await postGithub(app, "deployment_status", fixture("github/deployment_status.json"), { delivery });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "duplicate" });
    await app.webhookQueue.idle();
    expect(await app.database.prisma.rawEvent.count()).toBe(before.raw);
    expect(await rawEvent(app, `github:${delivery}`)).toEqual(before.row);
  });

  test("a later status of the same deployment updates it", async () => {
    const payload = JSON.parse(fixture("github/deployment_status.json").toString());
    payload.deployment_status.state = "failure";
    payload.deployment_status.created_at = "2019-05-15T15:25:00Z";
    expect((await postGithub(app, "deployment_status", JSON.stringify(payload))).status).toBe(202);
    await app.webhookQueue.idle();
    const rows = await app.database.prisma.deployment.findMany({ where: { id: "github:145988746" } });
    expect(rows).toEqual([expect.objectContaining({ status: "failure", finishedAt: new Date("2019-05-15T15:25:00Z") })]);
  });

  test("a kind Keel does not map is answered 202 ignored, and kept as a processed raw event with a note", async () => {
    const id = randomUUID();
    const res = await postGithub(app, "ping", JSON.stringify({ zen: "Approachable is better than simple.", hook_id: 1 }), { delivery: id });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ status: "ignored", note: "ignored: ping" });
    expect(await rawEvent(app, `github:${id}`)).toMatchObject({ source: "github", kind: "ping", processedAt: expect.any(Date), note: "ignored: ping" });
  });

  test("a delivery that maps to nothing is processed, with what was dropped in its note", async () => {
    const id = randomUUID();
    expect((await postGithub(app, "pull_request", fixture("github/pull_request.json"), { delivery: id })).status).toBe(202);
    await app.webhookQueue.idle();
    expect((await rawEvent(app, `github:${id}`)).note).toBe("recorded 0; dropped 1: pull request #2: closed without merging");
  });

  test("invalid events are named in the note; the valid ones of the same delivery are recorded", async () => {
    const payload = JSON.parse(fixture("github/push.json").toString());
    payload.commits.push({ ...payload.commits[0], id: "not a sha!", message: "broken" });
    const id = randomUUID();
    expect((await postGithub(app, "push", JSON.stringify(payload), { delivery: id })).status).toBe(202);
    await app.webhookQueue.idle();
    expect((await rawEvent(app, `github:${id}`)).note).toBe(
      "recorded 1 (created 1, updated 0, unchanged 0); invalid 1: change not a sha!: sha must be a commit sha",
    );
    expect(await app.database.prisma.change.findFirst({ where: { sha: "6113728f27ae82c7b1a177c8d03f9e96e0adf246" } })).toMatchObject({
      repository: "Codertocat/Hello-World",
      title: "Initial commit",
    });
  });

  test("a form-encoded delivery (payload=...) is read too", async () => {
    const form = new URLSearchParams({ payload: fixture("github/workflow_run.json").toString() }).toString();
    const res = await postGithub(app, "workflow_run", form, { contentType: "application/x-www-form-urlencoded" });
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
      const res = await postGithub(app, "deployment_status", JSON.stringify(template));
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
    expect((await postGithub(app, "push", JSON.stringify(payload))).status).toBe(202);
    let processing = true;
    const done = app.webhookQueue.idle().then(() => (processing = false));
    const answeredMs: number[] = [];
    while (processing) {
      const started = performance.now();
      expect((await postGithub(app, "ping", JSON.stringify({ zen: "Speak like a human." }))).status).toBe(202);
      answeredMs.push(performance.now() - started);
    }
    await done;
    expect(answeredMs.length).toBeGreaterThan(1);
    expect(Math.max(...answeredMs)).toBeLessThan(1000);
    expect(await app.database.prisma.change.count({ where: { sha: { startsWith: prefix } } })).toBe(2048);
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
