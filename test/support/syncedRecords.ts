// What connection sync tests read back from Keel, and the checks every vendor's sync shares: a
// connection as REST answers it, the DORA summary of the checkout scenario's week, every stored
// record (to prove a sync changed nothing, updatedAt included), a refused token, a failed sync.
import { expect } from "vitest";
import type { ConnectionView } from "@keel/shared";
import type { ConnectionApp } from "./connectionApp.ts";
import { adminCaller } from "./httpApp.ts";
import { snapshotCounts } from "./snapshotCounts.ts";

export async function connectionOf(app: ConnectionApp, id: string): Promise<ConnectionView> {
  return (await (await app.request(`/api/v1/connections/${id}`)).json()) as ConnectionView;
}

/** The DORA summary of the week the checkout scenarios happen in (2026-11-02 to 2026-11-09). */
async function scenarioDora(app: ConnectionApp): Promise<Record<string, Record<string, unknown>>> {
  const res = await app.request("/api/v1/metrics/dora?from=2026-11-02&to=2026-11-09&bucket=week");
  expect(res.status).toBe(200);
  return ((await res.json()) as { summary: Record<string, Record<string, unknown>> }).summary;
}

/**
 * The checkout scenario (githubCheckoutRepo.ts, gitlabCheckoutProject.ts) as Keel reads it, whichever
 * vendor it came from: three successful deployments of four, one failed, lead times from the commits
 * each shipped, and issue 7 as the one incident, with its recovery time and the deployment it counts against.
 */
export async function expectCheckoutScenario(app: ConnectionApp, vendor: "github" | "gitlab", severity: string): Promise<void> {
  const s = await scenarioDora(app);
  expect(s.deploymentFrequency).toMatchObject({ deployments: 3 });
  // Shipped: 101 → c1 (2 h); 102 → c2 (3 h), c3 (2 h); 104 → c4 (4 h), c5 (2 h).
  expect(s.leadTime).toMatchObject({ changes: 5, medianHours: 2 });
  expect(s.changeFailureRate).toMatchObject({ deployments: 3, failed: 1 });
  expect(s.recoveryTime).toMatchObject({ incidents: 1, medianHours: 2 });

  const incidents = await adminCaller(app).incidents.list({ from: "2026-11-02", to: "2026-11-09" });
  expect(incidents.items).toHaveLength(1);
  expect(incidents.items[0]).toMatchObject({ id: `${vendor}-issue:acme/checkout#7`, severity, recoveryHours: 2 });
  expect(incidents.items[0]?.attributedTo.map((a) => a.deploymentId)).toEqual([`${vendor}:102`]);
}

export async function storedRecords(app: ConnectionApp): Promise<string> {
  const db = app.database.prisma;
  return JSON.stringify([
    await db.deployment.findMany({ orderBy: { id: "asc" } }),
    await db.change.findMany({ orderBy: { sha: "asc" } }),
    await db.deploymentChange.findMany({ orderBy: [{ deploymentId: "asc" }, { changeId: "asc" }] }),
    await db.incident.findMany({ orderBy: { id: "asc" } }),
    await db.build.findMany({ orderBy: { id: "asc" } }),
    await db.testReport.findMany({ orderBy: { id: "asc" } }),
    await db.rawEvent.count(),
  ]);
}

/**
 * Syncing again stores nothing new: the connection ends idle with these counts, `records` reads
 * the same, and no table but the audit log has a row more.
 */
export async function expectResyncChangesNothing(
  app: ConnectionApp,
  connectionId: string,
  counts: Partial<ConnectionView["counts"]>,
  records: () => Promise<string> = () => storedRecords(app),
): Promise<void> {
  const before = await records();
  const rows = await snapshotCounts(app.database.prisma);
  await app.syncNow(connectionId);
  expect(await connectionOf(app, connectionId)).toMatchObject({ status: "idle", counts });
  expect(await records()).toBe(before);
  expect({ ...(await snapshotCounts(app.database.prisma)), AuditEvent: 0 }).toEqual({ ...rows, AuditEvent: 0 });
}

/** A connection made with a token the vendor refuses: its sync fails saying `says`, and it can be deleted. Returns its id. */
export async function expectTokenRefused(app: ConnectionApp, json: Record<string, unknown>, says: string): Promise<string> {
  const res = await app.request("/api/v1/connections", { json });
  const wrong = (await res.json()) as ConnectionView;
  await app.syncs.idle();
  expect(await connectionOf(app, wrong.id)).toMatchObject({ status: "failed", lastError: expect.stringContaining(says) as unknown });
  expect((await app.request(`/api/v1/connections/${wrong.id}`, { method: "DELETE" })).status).toBe(200);
  return wrong.id;
}

/** A recorded vendor that can be made to answer 500 on one path, and logs what it was asked. */
type BreakableVendor = ConnectionApp<{ breakPath(path: string | null): void; requests: string[] }>;

/** With the vendor answering 500 on `brokenPath`, a sync fails, its last error saying `says` in words. */
export async function expectSyncFails(app: BreakableVendor, connectionId: string, brokenPath: string, says: string): Promise<void> {
  app.vendor.breakPath(brokenPath);
  await app.syncNow(connectionId);
  const failed = await connectionOf(app, connectionId);
  expect(failed.status).toBe("failed");
  expect(failed.lastError).toContain(says);
}

/** With the vendor mended, the next sync ends idle with `counts`. Returns the requests it made, to see where it resumed. */
export async function expectSyncResumes(app: BreakableVendor, connectionId: string, counts: Partial<ConnectionView["counts"]>): Promise<string[]> {
  app.vendor.breakPath(null);
  const asked = app.vendor.requests.length;
  await app.syncNow(connectionId);
  expect(await connectionOf(app, connectionId)).toMatchObject({ status: "idle", lastError: null, counts });
  return app.vendor.requests.slice(asked);
}
