// Investment balance through GET /api/v1/metrics/investment (product.md "Investment balance"):
// shares per team and week against the target, the unclassified share shown, and hours lost
// beside it. Window: [2026-10-05, 2026-10-19) UTC, two weeks.
import type { AnyEventInput } from "@keel/shared";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { InvestmentBalance } from "../../../server/src/services/getInvestmentBalance.ts";
import { startTestApp, type TestApp } from "../../support/httpApp.ts";
import { getJson, send } from "./support.ts";

let app: TestApp;

function deployWith(
  id: string,
  service: string,
  team: string,
  finishedAt: string,
  commits: { message: string; category?: "debt"; labels?: string[] }[],
  extra: Partial<AnyEventInput> = {},
): AnyEventInput {
  return {
    type: "deployment",
    id,
    service,
    team,
    status: "success",
    finishedAt,
    commits: commits.map((c, i) => ({ sha: `${id}-${i}`.padEnd(8, "0"), committedAt: finishedAt.replace("T10", "T08"), ...c })),
    ...extra,
  } as AnyEventInput;
}

beforeAll(async () => {
  app = await startTestApp();
  await send(app, [
    // Week of Oct 5, team inv: debt 3 (explicit ×2, label), feature 2 (prefix), bug 1 (prefix), other 1.
    deployWith("inv-1", "inv-api", "inv", "2026-10-06T10:00:00Z", [
      { message: "Tidy the ledger module", category: "debt" },
      { message: "Remove dead code", category: "debt" },
      { message: "Split the service", labels: ["refactor"] },
      { message: "feat: export to CSV" },
      { message: "feat(api): pagination" },
      { message: "fix: rounding" },
      { message: "Update README" },
    ]),
    // Week of Oct 12: debt 1 (chore), feature 1; and a rollback (2 h of rework).
    deployWith("inv-2", "inv-api", "inv", "2026-10-13T10:00:00Z", [{ message: "chore: bump deps" }, { message: "feat: dark mode" }]),
    {
      type: "deployment",
      id: "inv-3",
      service: "inv-api",
      team: "inv",
      status: "success",
      kind: "rollback",
      rollbackOfDeploymentId: "inv-2",
      finishedAt: "2026-10-13T12:00:00Z",
    },
    // Team inv2: feature 4, other 1 (docs: is not a mapped prefix), no debt.
    deployWith("inv2-1", "inv2-api", "inv2", "2026-10-07T10:00:00Z", [
      { message: "feat: a" },
      { message: "feat: b" },
      { message: "feat: c" },
      { message: "feat: d" },
      { message: "docs: readme" },
    ]),
  ]);
  // Team inv's own target, 30% (the organisation's is the default 20%).
  await app.database.prisma.team.update({ where: { slug: "inv" }, data: { debtTarget: 0.3 } });
});
afterAll(() => app.close());

describe("investment balance", () => {
  test("shares per team and week against each team's target, unclassified shown, hours lost beside", async () => {
    const r = await getJson<InvestmentBalance>(app, "/api/v1/metrics/investment", { from: "2026-10-05", to: "2026-10-19", bucket: "week" });
    expect(r.organisationTarget).toBe(0.2);
    const inv = r.teams.find((t) => t.team === "inv");
    const inv2 = r.teams.find((t) => t.team === "inv2");
    // inv over both weeks: 9 changes, debt 4 (4/9 = 0.444), feature 3, bug 1, other 1; target 30%: above by 14.4 pts.
    expect(inv).toMatchObject({ target: 0.3, targetSource: "team" });
    expect(inv?.total).toMatchObject({ changes: 9, counts: { debt: 4, feature: 3, bug: 1, unplanned: 0, other: 1 }, status: "above" });
    expect(inv?.total.debtShare).toBeCloseTo(4 / 9, 12);
    expect(inv?.total.unclassifiedShare).toBeCloseTo(1 / 9, 12);
    expect(inv?.total.againstTarget).toBeCloseTo(4 / 9 - 0.3, 12);
    // Week of Oct 5: 3/7 debt; week of Oct 12: 1/2.
    expect(inv?.series.map((w) => [w.bucketStart, w.changes, w.debtShare])).toEqual([
      ["2026-10-05", 7, 3 / 7],
      ["2026-10-12", 2, 0.5],
    ]);
    // Hours lost beside it: the rollback in the second week, 1 × 2 h.
    expect(inv?.hoursLost.map((w) => [w.bucketStart, w.total, w.costUsd])).toEqual([
      ["2026-10-05", 0, 0],
      ["2026-10-12", 2, 200],
    ]);
    // inv2: no debt, below the organisation's 20%; unclassified 1/5; an empty week has no shares.
    expect(inv2).toMatchObject({ target: 0.2, targetSource: "organisation" });
    expect(inv2?.total).toMatchObject({ changes: 5, debtShare: 0, unclassifiedShare: 0.2, status: "below" });
    expect(inv2?.series[1]).toMatchObject({ bucketStart: "2026-10-12", changes: 0, debtShare: null, unclassifiedShare: null, status: "no changes" });
    // Org-wide: 14 changes, debt 4.
    expect(r.total).toMatchObject({ changes: 14, counts: { debt: 4, feature: 7, bug: 1, other: 2 } });
  });

  test("a team filter narrows to that team", async () => {
    const r = await getJson<InvestmentBalance>(app, "/api/v1/metrics/investment", { from: "2026-10-05", to: "2026-10-19", team: "inv2" });
    expect(r.teams.map((t) => t.team)).toEqual(["inv2"]);
    expect(r.total).toMatchObject({ changes: 5, target: 0.2 });
  });
});
