// Which commits a deployment shipped must not depend on the order its events arrive in, and a
// resend of a deployment replaces its list of commits (product.md: a resend updates in place).
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestApp, type TestApp } from "../support/httpApp.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

async function post(path: string, json: unknown): Promise<unknown> {
  const res = await app.request(path, { json });
  const body: unknown = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(200);
  return body;
}

const commit = (sha: string, hour: number) => ({ sha, committedAt: `2026-11-09T${String(hour).padStart(2, "0")}:00:00Z` });
const deployment = (id: string, service: string, extra: Record<string, unknown>) => ({
  id,
  service,
  status: "success",
  finishedAt: "2026-11-10T12:00:00Z",
  ...extra,
});

async function shippedShas(deploymentId: string): Promise<string[]> {
  const links = await app.database.prisma.deploymentChange.findMany({ where: { deploymentId }, select: { change: { select: { sha: true } } } });
  return links.map((l) => l.change.sha).sort();
}

describe("the commits a deployment shipped", () => {
  test("are the same whichever arrives first: the change its commitSha names, or the deployment", async () => {
    const head = { sha: "c0mm1700", committedAt: "2026-11-09T12:00:00Z", service: "orders" };
    const listed = [commit("aaaa0001", 10), commit("aaaa0002", 11)];

    // Change first, then the deployment that names it by commitSha and also lists commits.
    await post("/api/v1/changes", { ...head });
    await post("/api/v1/deployments", deployment("dep-change-first", "orders", { commitSha: head.sha, commits: listed }));

    // Deployment first, then the change.
    const head2 = { ...head, sha: "c0mm1701", service: "payments" };
    await post("/api/v1/deployments", deployment("dep-deploy-first", "payments", { commitSha: head2.sha, commits: listed }));
    await post("/api/v1/changes", { ...head2 });

    expect(await shippedShas("dep-change-first")).toEqual(["aaaa0001", "aaaa0002", "c0mm1700"]);
    expect(await shippedShas("dep-deploy-first")).toEqual(["aaaa0001", "aaaa0002", "c0mm1701"]);
  });

  test("a resend with fewer commits replaces the list; the change named by commitSha stays", async () => {
    const first = deployment("dep-resend", "search", {
      commitSha: "feed0003",
      commits: [commit("feed0001", 8), commit("feed0002", 9), commit("feed0003", 10)],
    });
    await post("/api/v1/deployments", first);
    expect(await shippedShas("dep-resend")).toEqual(["feed0001", "feed0002", "feed0003"]);

    // feed0001 was wrongly attributed: the corrected resend drops it.
    const corrected = { ...first, commits: [commit("feed0002", 9), commit("feed0003", 10)] };
    expect(await post("/api/v1/deployments", corrected)).toMatchObject({ updated: 1 });
    expect(await shippedShas("dep-resend")).toEqual(["feed0002", "feed0003"]);

    // An empty list leaves only the change its commitSha names.
    await post("/api/v1/deployments", { ...first, commits: [] });
    expect(await shippedShas("dep-resend")).toEqual(["feed0003"]);
    // Lead time follows: the dropped change is no longer delivered by this deployment.
    const dropped = await app.database.prisma.change.findFirstOrThrow({ where: { sha: "feed0001" }, select: { id: true } });
    expect(await app.database.prisma.changeDelivery.count({ where: { changeId: dropped.id } })).toBe(0);
    const kept = await app.database.prisma.change.findFirstOrThrow({ where: { sha: "feed0003" }, select: { id: true } });
    expect(await app.database.prisma.changeDelivery.count({ where: { changeId: kept.id, deploymentId: "dep-resend" } })).toBe(1);
  });

  test("a resend that leaves out `commits` keeps the list (a status update)", async () => {
    const first = deployment("dep-status", "catalog", { commitSha: "beef0002", commits: [commit("beef0001", 8), commit("beef0002", 9)] });
    await post("/api/v1/deployments", first);
    await post("/api/v1/deployments", { ...first, commits: undefined, status: "failure" });
    expect(await shippedShas("dep-status")).toEqual(["beef0001", "beef0002"]);
  });
});
