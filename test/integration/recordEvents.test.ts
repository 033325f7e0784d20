import { AnyEvent, type AnyEventInput } from "@keel/shared";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { recordEvents } from "../../server/src/services/recordEvents.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const send = (events: AnyEventInput[]) => recordEvents({ db: database.prisma, events: events.map((e) => AnyEvent.parse(e)), source: "test" });

const deploy = (id: string, extra: Partial<AnyEventInput & { type: "deployment" }> = {}): AnyEventInput => ({
  type: "deployment",
  id,
  service: "billing",
  status: "success",
  finishedAt: "2026-11-10T12:00:00Z",
  ...extra,
});

describe("recordEvents", () => {
  test("creates, then counts an identical resend as unchanged", async () => {
    const events: AnyEventInput[] = [
      deploy("d1", {
        commits: [
          { sha: "aaaa1111", committedAt: "2026-11-09T10:00:00Z", message: "feat: invoices" },
          { sha: "bbbb2222", committedAt: "2026-11-09T11:00:00Z", labels: ["tech-debt"] },
        ],
      }),
      { type: "incident", id: "i1", service: "billing", openedAt: "2026-11-10T13:00:00Z" },
    ];
    expect(await send(events)).toEqual({ accepted: 2, created: 2, updated: 0, unchanged: 0 });
    expect(await send(events)).toEqual({ accepted: 2, created: 0, updated: 0, unchanged: 2 });
    expect(await database.prisma.deployment.count()).toBe(1);
    expect(await database.prisma.rawEvent.count()).toBe(2);
    const changes = await database.prisma.change.findMany({ orderBy: { sha: "asc" }, select: { sha: true, category: true, categorySource: true } });
    expect(changes).toEqual([
      { sha: "aaaa1111", category: "feature", categorySource: "prefix" },
      { sha: "bbbb2222", category: "debt", categorySource: "label" },
    ]);
    expect(await database.prisma.deploymentChange.count({ where: { deploymentId: "d1" } })).toBe(2);
  });

  test("an incident sent open and later resolved is one incident", async () => {
    const opened = { type: "incident" as const, id: "i2", service: "billing", openedAt: "2026-11-11T09:00:00Z" };
    expect(await send([opened])).toMatchObject({ created: 1, updated: 0 });
    expect(await send([{ ...opened, resolvedAt: "2026-11-11T10:30:00Z" }])).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    const row = await database.prisma.incident.findUniqueOrThrow({ where: { id: "i2" } });
    expect(row.resolvedAt?.toISOString()).toBe("2026-11-11T10:30:00.000Z");
    expect(await database.prisma.incident.count({ where: { id: "i2" } })).toBe(1);
  });

  test("a change that arrives after its deployment links by sha, and keeps the stronger category", async () => {
    await send([deploy("d2", { commitSha: "cccc3333" })]);
    expect(await database.prisma.deploymentChange.count({ where: { deploymentId: "d2" } })).toBe(0);
    await send([{ type: "change", sha: "cccc3333", service: "billing", committedAt: "2026-11-10T08:00:00Z", category: "bug", prNumber: 7 }]);
    const links = await database.prisma.deploymentChange.findMany({ where: { deploymentId: "d2" }, include: { change: true } });
    expect(links.map((l) => [l.change.sha, l.change.category, l.change.prNumber])).toEqual([["cccc3333", "bug", 7]]);
  });

  test("a change that arrives before its deployment is linked when the deployment names it", async () => {
    await send([{ type: "change", sha: "dddd4444", service: "billing", committedAt: "2026-11-10T08:00:00Z", title: "Add retries" }]);
    await send([deploy("d3", { commitSha: "dddd4444" })]);
    const links = await database.prisma.deploymentChange.findMany({ where: { deploymentId: "d3" }, include: { change: true } });
    expect(links.map((l) => l.change.sha)).toEqual(["dddd4444"]);
    expect(await database.prisma.change.count({ where: { sha: "dddd4444" } })).toBe(1);
  });

  test("one commit shipped by two deployments in the same batch is one change linked to both", async () => {
    const commit = { sha: "ffff6666", committedAt: "2026-11-09T10:00:00Z", message: "fix: rounding" };
    const result = await send([deploy("d4", { commits: [commit] }), deploy("d5", { commits: [{ ...commit, labels: ["tech-debt"] }] })]);
    expect(result).toMatchObject({ created: 2, unchanged: 0 });
    const change = await database.prisma.change.findFirstOrThrow({ where: { sha: "ffff6666" }, include: { deployments: true } });
    expect(change.deployments.map((d) => d.deploymentId).sort()).toEqual(["d4", "d5"]);
    // The label (stronger) beats the prefix (weaker), whichever arrived first.
    expect([change.category, change.categorySource]).toEqual(["debt", "label"]);
  });

  test("a change event and a deployment shipping it in one batch: one change, linked, counted once", async () => {
    const commit = { sha: "abab7777", committedAt: "2026-11-09T10:00:00Z", message: "chore: bump" };
    const change = { type: "change" as const, sha: "abab7777", service: "billing", committedAt: "2026-11-09T10:00:00Z", prNumber: 12, labels: ["bug"] };
    const result = await send([deploy("d6", { commits: [commit] }), change]);
    // The deployment created the change; the change event then filled in its PR data.
    expect(result).toEqual({ accepted: 2, created: 1, updated: 1, unchanged: 0 });
    const stored = await database.prisma.change.findMany({ where: { sha: "abab7777" }, include: { deployments: true } });
    expect(stored.map((c) => [c.prNumber, c.category, c.categorySource, c.deployments.map((d) => d.deploymentId)])).toEqual([[12, "bug", "label", ["d6"]]]);
    expect(await send([deploy("d6", { commits: [commit] }), change])).toEqual({ accepted: 2, created: 0, updated: 0, unchanged: 2 });
  });

  test("the same id twice in one batch: the last one wins", async () => {
    const opened = { type: "incident" as const, id: "i3", service: "billing", openedAt: "2026-11-11T09:00:00Z" };
    const result = await send([opened, { ...opened, resolvedAt: "2026-11-11T11:00:00Z" }]);
    expect(result).toEqual({ accepted: 2, created: 1, updated: 0, unchanged: 1 });
    expect((await database.prisma.incident.findUniqueOrThrow({ where: { id: "i3" } })).resolvedAt?.toISOString()).toBe("2026-11-11T11:00:00.000Z");
  });

  test("a batch is atomic: when one event cannot be stored, nothing is", async () => {
    const before = await database.prisma.rawEvent.count();
    // The same build id twice with attempts that overflow an int column cannot be stored.
    const bad = {
      type: "build" as const,
      id: "b-bad",
      pipeline: "ci",
      commitSha: "eeee5555",
      status: "success" as const,
      startedAt: "2026-11-10T08:00:00Z",
      finishedAt: "2026-11-10T08:05:00Z",
      attempt: 1,
    };
    const parsed = [AnyEvent.parse(deploy("d-atomic")), { ...AnyEvent.parse(bad), attempt: 2 ** 40 }];
    await expect(recordEvents({ db: database.prisma, events: parsed as never, source: "test" })).rejects.toThrow();
    expect(await database.prisma.rawEvent.count()).toBe(before);
    expect(await database.prisma.deployment.findUnique({ where: { id: "d-atomic" } })).toBeNull();
  });
});
