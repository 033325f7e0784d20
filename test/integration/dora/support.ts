// Helpers for the DORA scenario tests: events go in through the REST API, metrics come out of
// GET /api/v1/metrics/dora, exactly as a client sees them.
import type { AnyEventInput, DeploymentEventInput, IncidentEventInput } from "@keel/shared";
import { expect } from "vitest";
import type { DoraMetrics } from "../../../server/src/services/getDoraMetrics.ts";
import { adminCaller, type AdminCaller, startTestApp, type TestApp } from "../../support/httpApp.ts";

export type { DoraMetrics };

export async function send(app: TestApp, events: AnyEventInput[]): Promise<void> {
  const res = await app.request("/api/v1/events", { json: { events } });
  expect(res.status, await res.clone().text()).toBe(200);
}

/** A test app holding these events (sent through the REST API), and an admin's tRPC caller on it. */
export async function startAppWith(events: AnyEventInput[]): Promise<{ app: TestApp; caller: AdminCaller }> {
  const app = await startTestApp();
  await send(app, events);
  return { app, caller: adminCaller(app) };
}

export async function dora(app: TestApp, params: Record<string, string>): Promise<DoraMetrics> {
  const res = await app.request(`/api/v1/metrics/dora?${new URLSearchParams({ bucket: "week", ...params })}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as DoraMetrics;
}

export async function setSetting(app: TestApp, key: string, value: string | number): Promise<void> {
  await app.database.prisma.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
}

export async function clearSetting(app: TestApp, key: string): Promise<void> {
  await app.database.prisma.setting.deleteMany({ where: { key } });
}

type DeploymentExtra = Partial<Omit<DeploymentEventInput, "id" | "service" | "finishedAt">>;

/** A successful production deployment unless `extra` says otherwise. */
export function deploy(id: string, service: string, finishedAt: string, extra: DeploymentExtra = {}): AnyEventInput {
  return { type: "deployment", id, service, status: "success", finishedAt, ...extra };
}

/** A deployment shipping one commit with the given commit time. */
export function deployCommit(id: string, service: string, finishedAt: string, sha: string, committedAt: string, extra: DeploymentExtra = {}): AnyEventInput {
  return deploy(id, service, finishedAt, { commits: [{ sha, committedAt }], ...extra });
}

export function incident(
  id: string,
  service: string | undefined,
  openedAt: string,
  extra: Partial<Omit<IncidentEventInput, "id" | "openedAt">> = {},
): AnyEventInput {
  return { type: "incident", id, ...(service ? { service } : {}), openedAt, ...extra };
}

/** `base` plus a number of hours, as an ISO instant. */
export function plusHours(base: string, hours: number): string {
  return new Date(Date.parse(base) + hours * 3_600_000).toISOString();
}
