// `keel backfill pagerduty` as a user runs it: the real command in a child process against a running
// Keel, which syncs from recorded PagerDuty answers on loopback; run again it reuses the connection.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startConnectionApp, type ConnectionApp, expectUsageErrors } from "../../support/connectionApp.ts";
import { TEST_ADMIN_TOKEN } from "../../support/httpApp.ts";
import { runKeel } from "../../support/keelCli.ts";
import { startRecordedPagerduty, type RecordedIncident, type RecordedPagerduty } from "../../support/pagerdutyRecorded.ts";

const TOKEN = "y_BackfillCliPagerduty";
const incident = (id: string, number: number, serviceId: string, opened: string, resolved: string): RecordedIncident => ({
  id,
  number,
  title: `Incident ${number}`,
  service: { id: serviceId, name: serviceId === "PIJ90N7" ? "My Mail Service" : "checkout" },
  urgency: "high",
  created_at: opened,
  status: "resolved",
  last_status_change_at: resolved,
  log: [
    { kind: "trigger", at: opened },
    { kind: "acknowledge", at: opened, user: "PXPGF42" },
    { kind: "resolve", at: resolved, user: "PXPGF42" },
  ],
});

const incidents = [
  incident("Q1", 1, "PIJ90N7", "2026-11-02T10:00:00Z", "2026-11-02T12:00:00Z"),
  incident("Q2", 2, "PCHK001", "2026-11-03T10:00:00Z", "2026-11-03T11:00:00Z"),
  incident("Q3", 3, "PIJ90N7", "2026-11-04T10:00:00Z", "2026-11-04T10:30:00Z"),
];
let app: ConnectionApp<RecordedPagerduty>;
beforeAll(async () => {
  app = await startConnectionApp(() => startRecordedPagerduty(incidents, { token: TOKEN, pageSize: 2 }));
});
afterAll(() => app?.close());

const backfill = (args: string[], env: Record<string, string | undefined> = {}) =>
  runKeel(["backfill", "pagerduty", ...args], { env: { KEEL_URL: app.url, KEEL_TOKEN: TEST_ADMIN_TOKEN, PAGERDUTY_TOKEN: TOKEN, ...env } });

describe("keel backfill pagerduty", () => {
  test("bad input is a usage error naming the flag, and nothing is stored", async () => {
    const cases: [string[], Record<string, string | undefined>, string][] = [
      [["--api-url", app.vendor.apiUrl], { PAGERDUTY_TOKEN: undefined }, "set PAGERDUTY_TOKEN"],
      [["--service", "not an id", "--api-url", app.vendor.apiUrl], {}, "--service: must be a PagerDuty service id"],
      [["--since", "last week", "--api-url", app.vendor.apiUrl], {}, "--since: must be a date"],
    ];
    await expectUsageErrors(app, backfill, cases);
  });

  test("syncs the named service's incidents and exits 0; run again it reuses the connection", async () => {
    const args = ["--service", "PIJ90N7", "--since", "2026-11-01", "--api-url", app.vendor.apiUrl];
    const first = await backfill(args);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^Synced PagerDuty PIJ90N7 \(new connection [0-9a-f-]{36}\)/m);
    expect(first.stdout).toContain("Brought in so far: 0 deployments, 0 changes, 2 incidents, 0 builds.");
    expect((await app.database.prisma.incident.findMany({ orderBy: { id: "asc" } })).map((i) => i.id)).toEqual(["pagerduty:Q1", "pagerduty:Q3"]);
    const second = await backfill(args);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain("(existing connection");
    expect(await app.database.prisma.connection.count()).toBe(1);
    expect(first.stdout + first.stderr + second.stdout + second.stderr).not.toContain(TOKEN);
  });
});
