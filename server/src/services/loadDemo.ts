// Loads the demo data set (docs/demo.md) into an empty database, through the same ingestion
// services the API uses, so the demo exercises the real code paths.
import { AnyEvent } from "@keel/shared";
import type { Db } from "../db/client.ts";
import { generateDemo } from "../demo/generateDemo.ts";
import { ReportBuilder } from "../ingest/junit/reportBuilder.ts";
import { recordEvents } from "./recordEvents.ts";
import { recordTestReports } from "./recordTestReport.ts";
import { DEMO_LOADED_AT, DEMO_REMOVED_AT } from "./removeDemo.ts";

const BATCH = 2_000;

export async function loadDemoIfEmpty({ db, now }: { db: Db; now: Date }) {
  // Loaded once: never again after it was loaded, or removed (removeDemo.ts), even from an empty database.
  const [deployments, marks] = await Promise.all([db.deployment.count(), db.setting.count({ where: { key: { in: [DEMO_LOADED_AT, DEMO_REMOVED_AT] } } })]);
  if (deployments > 0 || marks > 0) return undefined;
  const started = Date.now();
  const demo = generateDemo({ now });
  for (const team of demo.teams) {
    await db.team.upsert({
      where: { slug: team.slug },
      create: { slug: team.slug, name: team.name, size: team.size, debtTarget: team.debtTarget ?? null },
      update: {},
    });
  }
  const teams = new Map((await db.team.findMany({ select: { id: true, slug: true } })).map((t) => [t.slug, t.id]));
  for (const service of demo.services) {
    await db.service.upsert({
      where: { slug: service.slug },
      create: { slug: service.slug, name: service.name, repository: service.repository, teamId: teams.get(service.team) ?? null },
      update: {},
    });
  }
  const events = demo.events.map((e) => AnyEvent.parse(e));
  for (let i = 0; i < events.length; i += BATCH) {
    await recordEvents({ db, events: events.slice(i, i + BATCH), source: "demo" });
  }
  const reports = demo.testReports.map(({ buildId, name, executions }) => {
    // The same builder the JUnit parser uses numbers retries and counts outcomes.
    const builder = new ReportBuilder();
    for (const e of executions) builder.add(e.suite, e.name, e.variant, e.status, e.durationMs);
    return { buildId, name, report: builder.build() };
  });
  for (let i = 0; i < reports.length; i += 200) await recordTestReports({ db, input: reports.slice(i, i + 200) });
  await db.setting.create({ data: { key: DEMO_LOADED_AT, value: now.toISOString() } });
  // Planner statistics for what was just loaded: without them the first minutes of reads chose
  // plans for empty tables (a CSV export took 26-69 s instead of 0.2 s) until autovacuum, or
  // Keel's table maintenance on PGlite, got round to it (bench:load, issue 13).
  await db.$executeRawUnsafe("ANALYZE");
  return { events: events.length, testReports: demo.testReports.length, loadMs: Date.now() - started };
}
