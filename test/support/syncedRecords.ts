// What connection sync tests read back from Keel: a connection as REST answers it, the DORA summary
// of the scenario's week, and every stored record (to prove a sync changed nothing, updatedAt included).
import { expect } from "vitest";
import type { ConnectionView } from "@keel/shared";
import type { ConnectionApp } from "./connectionApp.ts";

export async function connectionOf(app: ConnectionApp, id: string): Promise<ConnectionView> {
  return (await (await app.request(`/api/v1/connections/${id}`)).json()) as ConnectionView;
}

/** The DORA summary of the week the checkout scenarios happen in (2026-11-02 to 2026-11-09). */
export async function scenarioDora(app: ConnectionApp): Promise<Record<string, Record<string, unknown>>> {
  const res = await app.request("/api/v1/metrics/dora?from=2026-11-02&to=2026-11-09&bucket=week");
  expect(res.status).toBe(200);
  return ((await res.json()) as { summary: Record<string, Record<string, unknown>> }).summary;
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
