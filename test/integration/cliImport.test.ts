// `keel import` as a user runs it: the real command in a child process against a running app,
// importing events from JSON and CSV files, checking exit codes, what it prints and what was stored.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { snapshotCounts } from "../support/snapshotCounts.ts";
import { type CliApp, shippedShas, startCliApp } from "../support/cliApp.ts";

let app: CliApp;
beforeAll(async () => {
  app = await startCliApp();
});
afterAll(() => app?.close());

describe("keel import", () => {
  const write = (name: string, content: string) => {
    const file = path.join(app.tmp, name);
    writeFileSync(file, content);
    return file;
  };

  test("JSON in batches of 1,000; a second import is all unchanged", async () => {
    const events = Array.from({ length: 2_100 }, (_, i) => ({
      type: "change",
      sha: `bf${i.toString(16).padStart(6, "0")}`,
      repository: "acme/backfill",
      committedAt: new Date(Date.UTC(2026, 9, 1) + i * 60_000).toISOString(),
    }));
    const file = write("backfill.json", JSON.stringify({ events }));
    const first = await app.keel(["import", file]);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("batch 3/3: 100 events");
    expect(first.stdout).toContain("Imported 2,100 events: created 2,100, updated 0, unchanged 0.");
    expect(await app.database.prisma.change.count({ where: { repository: "acme/backfill" } })).toBe(2_100);

    const again = await app.keel(["import", file]);
    expect(again.stdout).toContain("Imported 2,100 events: created 0, updated 0, unchanged 2,100.");
  });

  test("a plain JSON array works too", async () => {
    const file = write("array.json", JSON.stringify([{ type: "incident", id: "imp-inc-1", service: "shop", openedAt: "2026-11-01T10:00:00Z" }]));
    const result = await app.keel(["import", file]);
    expect(result.code).toBe(0);
    expect(await app.database.prisma.incident.count({ where: { id: "imp-inc-1" } })).toBe(1);
  });

  test("CSV: a type column and the fields as columns, quoted cells and ;-separated labels", async () => {
    const file = write(
      "backfill.csv",
      [
        "type,id,service,status,finishedAt,sha,committedAt,labels,title,openedAt,resolvedAt,pipeline,commitSha,startedAt,attempt,notCausedByChange",
        "deployment,csv-d1,shop,success,2026-11-01T12:00:00Z,,,,,,,,cafe0001,,,",
        'change,,shop,,,cafe0001,2026-11-01T09:00:00Z,tech-debt;backend,"Refactor cart, part 1",,,,,,,',
        "incident,csv-i1,shop,,,,,,,2026-11-01T13:00:00Z,2026-11-01T14:30:00Z,,,,,true",
        "build,csv-b1,,success,2026-11-01T11:10:00Z,,,,,,,ci,cafe0001,2026-11-01T11:00:00Z,2,",
      ].join("\r\n") + "\r\n",
    );
    const result = await app.keel(["import", file]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("4 valid events");
    const change = await app.database.prisma.change.findFirstOrThrow({ where: { sha: "cafe0001" } });
    expect([change.title, change.labels, change.category]).toEqual(["Refactor cart, part 1", ["tech-debt", "backend"], "debt"]);
    expect(await shippedShas(app, "csv-d1")).toEqual(["cafe0001"]);
    const incident = await app.database.prisma.incident.findUniqueOrThrow({ where: { id: "csv-i1" } });
    expect([incident.notCausedByChange, incident.resolvedAt?.toISOString()]).toEqual([true, "2026-11-01T14:30:00.000Z"]);
    expect((await app.database.prisma.build.findUniqueOrThrow({ where: { id: "csv-b1" } })).attempt).toBe(2);
  });

  test("--dry-run validates and prints the batches, and sends nothing", async () => {
    const events = Array.from({ length: 1_500 }, (_, i) => ({ type: "incident", id: `dry-${i}`, openedAt: "2026-11-01T10:00:00Z" }));
    const file = write("dry.json", JSON.stringify({ events }));
    const before = await snapshotCounts(app.database.prisma);
    const result = await app.keel(["import", file, "--dry-run"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Dry run: would send 2 batches");
    expect(result.stdout).toContain("batch 1: 1,000 events, events[0] to events[999] (incident 1000)");
    expect(result.stdout).toContain("batch 2: 500 events, events[1000] to events[1499] (incident 500)");
    expect(await snapshotCounts(app.database.prisma)).toEqual(before);
  });

  test("a JSON file with errors: every error with its path, exit 1, nothing sent", async () => {
    const file = write(
      "bad.json",
      JSON.stringify({
        events: [
          { type: "deployment", id: "bad-1", service: "shop", status: "success", finishedAt: "2026-11-01T12:00:00Z" },
          { type: "deployment", id: "bad-2", service: "shop", status: "success", finishedAt: "2026-02-30T12:00:00Z" },
          {
            type: "build",
            id: "bad-3",
            commitSha: "abcd1234",
            status: "ok",
            startedAt: "2026-11-01T12:00:00Z",
            finishedAt: "2026-11-01T12:00:00Z",
            colour: "red",
          },
          { type: "rollout", id: "bad-4" },
        ],
      }),
    );
    const before = await snapshotCounts(app.database.prisma);
    const result = await app.keel(["import", file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("has 5 errors; nothing was sent");
    for (const path of ["events[1].finishedAt", "events[2].pipeline", "events[2].status", "events[2].colour", "events[3].type"]) {
      expect(result.stderr).toContain(`  ${path}: `);
    }
    expect(await snapshotCounts(app.database.prisma)).toEqual(before);
  });

  test("a CSV file with errors names each line and column; commits are refused in CSV", async () => {
    const bad = write(
      "bad.csv",
      [
        "type,id,service,status,finishedAt,responders",
        "deployment,c1,shop,success,2026-11-01",
        "incident,c2,shop,,,lots",
        "deployment,c3,shop,success,2026-11-01T10:00:00Z,3",
      ].join("\n"),
    );
    const before = await snapshotCounts(app.database.prisma);
    const result = await app.keel(["import", bad]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("line 2, column finishedAt: ");
    expect(result.stderr).toContain("line 3, column openedAt: ");
    expect(result.stderr).toContain("line 3, column responders: ");
    expect(result.stderr).toContain("line 4, column responders: is not a known field");

    const commits = write("commits.csv", "type,id,service,status,finishedAt,commits\ndeployment,c4,shop,success,2026-11-01T10:00:00Z,abc\n");
    const refused = await app.keel(["import", commits]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("commits are not supported in CSV");
    expect(await snapshotCounts(app.database.prisma)).toEqual(before);
  });

  test("usage: no file is exit 2; an unreadable or unknown file is exit 1", async () => {
    expect((await app.keel(["import"])).code).toBe(2);
    expect((await app.keel(["import", path.join(app.tmp, "nope.json")])).code).toBe(1);
    expect((await app.keel(["import", write("events.txt", "x")])).stderr).toContain(".json or .csv");
  });
});
