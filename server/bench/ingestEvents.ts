// The ingestion benchmark's events: a deterministic, realistic mix for 50 services in 10 teams.
//   25% deployments (90% to production), each shipping 1-3 commits; half of those commits were
//       already reported as changes (pushed earlier), so the deployment updates them
//   40% changes (pushes and merged pull requests, some labelled)
//    5% incidents, a third of them sent again later once resolved (an update)
//   30% CI builds
// A deployment only names changes reported at least LAG events earlier: commits are pushed well
// before they ship, and batches in flight at the same time do not race on one new change.
import type { AnyEventInput } from "@keel/shared";
import { DAY_MS, HOUR_MS } from "@keel/shared/calendar";
import { Random } from "../src/demo/random.ts";

const SERVICES = 50;
const TEAMS = 10;
const LAG = 10_000;
const START = Date.UTC(2026, 0, 1);

/** The demo's seeded generator (mulberry32): the same data on every run. */
function random(seed: number): () => number {
  const r = new Random(seed);
  return () => r.next();
}

const sha = (n: number) => `be${n.toString(16).padStart(10, "0")}`;
const iso = (ms: number) => new Date(ms).toISOString();
const PREFIXES = ["feat: ", "fix: ", "chore: ", "refactor: ", ""];

export function generateEvents(total: number, seed = 7): AnyEventInput[] {
  const rand = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const events: AnyEventInput[] = [];
  // Changes reported and not shipped yet, per service, with the index of the event that reported them.
  const unshipped: { sha: string; at: number; committedAt: string }[][] = Array.from({ length: SERVICES }, () => []);
  const openIncidents: { id: string; service: string; openedAt: number; at: number }[] = [];
  let shas = 0;

  for (let i = 0; i < total; i++) {
    const now = START + i * 30_000;
    const s = Math.floor(rand() * SERVICES);
    const service = `svc-${s}`;
    const repository = `acme/svc-${s}`;
    const r = rand();
    if (r < 0.25) {
      const count = 1 + Math.floor(rand() * 3);
      const commits = [];
      for (let c = 0; c < count; c++) {
        const pool = unshipped[s] as { sha: string; at: number; committedAt: string }[];
        const ready = pool.length && (pool[0]?.at ?? Infinity) <= i - LAG && rand() < 0.5 ? pool.shift() : undefined;
        const committedAt = ready?.committedAt ?? iso(now - (1 + rand() * 48) * HOUR_MS);
        commits.push({ sha: ready?.sha ?? sha(shas++), committedAt, message: `${pick(PREFIXES)}change ${i}.${c}\n\nDetails of the change.` });
      }
      const status = rand() < 0.85 ? "success" : rand() < 0.66 ? "failure" : "cancelled";
      events.push({
        type: "deployment",
        id: `dep-${i}`,
        service,
        environment: rand() < 0.9 ? "production" : "staging",
        status,
        startedAt: iso(now - 300_000),
        finishedAt: iso(now),
        commitSha: commits.at(-1)?.sha,
        repository,
        team: `team-${s % TEAMS}`,
        commits,
        url: `https://ci.example.com/deploy/${i}`,
      });
    } else if (r < 0.65) {
      const changeSha = sha(shas++);
      const committedAt = iso(now - rand() * HOUR_MS);
      (unshipped[s] as { sha: string; at: number; committedAt: string }[]).push({ sha: changeSha, at: i, committedAt });
      const merged = rand() < 0.6;
      events.push({
        type: "change",
        sha: changeSha,
        repository,
        service,
        committedAt,
        ...(merged ? { prNumber: 1 + (i % 100_000), prOpenedAt: iso(now - DAY_MS), prMergedAt: iso(now) } : {}),
        ...(rand() < 0.2 ? { labels: [pick(["tech-debt", "bug", "feature", "incident"])] } : {}),
        title: `${pick(PREFIXES)}work item ${i}`,
      });
    } else if (r < 0.7) {
      const earlier = openIncidents[0];
      if (earlier && earlier.at <= i - LAG && rand() < 0.35) {
        openIncidents.shift();
        events.push({
          type: "incident",
          id: earlier.id,
          service: earlier.service,
          severity: "sev2",
          title: "Checkout errors",
          openedAt: iso(earlier.openedAt),
          resolvedAt: iso(now),
        });
      } else {
        const id = `inc-${i}`;
        openIncidents.push({ id, service, openedAt: now, at: i });
        events.push({ type: "incident", id, service, severity: "sev2", title: "Checkout errors", openedAt: iso(now) });
      }
    } else {
      events.push({
        type: "build",
        id: `build-${i}`,
        pipeline: pick(["ci", "ci", "nightly"]),
        service,
        repository,
        commitSha: sha(Math.max(0, shas - 1 - Math.floor(rand() * 20))),
        branch: rand() < 0.7 ? "main" : `feature/${i % 500}`,
        status: rand() < 0.9 ? "success" : "failure",
        queuedAt: iso(now - 600_000),
        startedAt: iso(now - 540_000),
        finishedAt: iso(now),
      });
    }
  }
  return events;
}
