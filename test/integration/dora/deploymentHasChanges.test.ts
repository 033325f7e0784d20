// Deployment.hasChanges (whether any DeploymentChange links the deployment) is kept by database
// triggers, and the data-quality count "deployments without commits" reads only it. Every write
// that adds or removes a link must move it: checked through the API and against the links.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestApp, type TestApp } from "../../support/httpApp.ts";
import { deploy, dora, send } from "./support.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const window = { from: "2026-11-02", to: "2026-11-09", service: "has-changes" };
const withoutCommits = async () => (await dora(app, window)).dataQuality.deploymentsWithoutCommits;

/** Deployments whose flag disagrees with their links (the straightforward computation). */
async function disagreeing(): Promise<string[]> {
  const rows = await app.database.prisma.$queryRawUnsafe<{ id: string }[]>(
    `SELECT d.id FROM "Deployment" d WHERE d."hasChanges" IS DISTINCT FROM EXISTS (SELECT 1 FROM "DeploymentChange" dc WHERE dc."deploymentId" = d.id) ORDER BY d.id`,
  );
  return rows.map((r) => r.id);
}

describe("Deployment.hasChanges follows every link", () => {
  test("no commits, a change arriving for the deployment's sha, a change deleted, a deployment deleted", async () => {
    await send(app, [
      deploy("hc-bare", "has-changes", "2026-11-03T10:00:00Z", { commitSha: "hcsha001" }),
      deploy("hc-linked", "has-changes", "2026-11-04T10:00:00Z", { commits: [{ sha: "hcsha002", committedAt: "2026-11-04T08:00:00Z" }] }),
    ]);
    expect(await withoutCommits()).toEqual({ count: 1, examples: ["hc-bare"] });
    expect(await disagreeing()).toEqual([]);

    // The change named by hc-bare's sha arrives: linked now.
    await send(app, [{ type: "change", sha: "hcsha001", service: "has-changes", committedAt: "2026-11-03T09:00:00Z" }]);
    expect(await withoutCommits()).toEqual({ count: 0, examples: [] });
    expect(await disagreeing()).toEqual([]);

    // hc-linked's only change deleted (its link goes with it): hc-linked has no commit any more.
    await app.database.prisma.change.deleteMany({ where: { sha: "hcsha002" } });
    expect(await withoutCommits()).toEqual({ count: 1, examples: ["hc-linked"] });
    expect(await disagreeing()).toEqual([]);

    // A link moved from hc-bare to hc-linked by hand: both flags follow.
    await app.database.prisma.$executeRawUnsafe(`UPDATE "DeploymentChange" SET "deploymentId" = 'hc-linked' WHERE "deploymentId" = 'hc-bare'`);
    expect(await withoutCommits()).toEqual({ count: 1, examples: ["hc-bare"] });
    expect(await disagreeing()).toEqual([]);

    await app.database.prisma.deployment.delete({ where: { id: "hc-linked" } });
    expect(await withoutCommits()).toEqual({ count: 1, examples: ["hc-bare"] });
    expect(await disagreeing()).toEqual([]);
  });
});
