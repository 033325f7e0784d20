// The demo the tests of server/src/demo/*.test.ts read: generated once per test file, at a fixed
// instant, and cut into the shapes their assertions need.
import type { AnyEventInput } from "@keel/shared";
import { DAY_MS } from "@keel/shared/calendar";
import { type DemoData, generateDemo } from "../generateDemo.ts";

export type Deployment = Extract<AnyEventInput, { type: "deployment" }>;
export type Incident = Extract<AnyEventInput, { type: "incident" }>;
export type Build = Extract<AnyEventInput, { type: "build" }>;
export type Change = Extract<AnyEventInput, { type: "change" }>;

export const NOW = new Date("2026-11-21T12:00:00Z");
export const now = NOW.getTime();
export const start = now - 120 * DAY_MS;
export const ms = (value: string | undefined): number => (value === undefined ? Number.NaN : Date.parse(value));

/** The data set cut into the shapes the assertions need. */
export function analyse(data: DemoData) {
  const deployments = data.events.filter((event): event is Deployment => event.type === "deployment");
  const incidents = data.events.filter((event): event is Incident => event.type === "incident");
  const builds = data.events.filter((event): event is Build => event.type === "build");
  const changes = data.events.filter((event): event is Change => event.type === "change");
  const teamOf = new Map(data.services.map((service) => [service.slug, service.team]));
  const production = deployments
    .filter((deployment) => deployment.status === "success" && (deployment.environment ?? "production") === "production")
    .sort((a, b) => ms(a.finishedAt) - ms(b.finishedAt));
  const reportByBuild = new Map(data.testReports.map((report) => [report.buildId, report]));
  return { deployments, incidents, builds, changes, teamOf, production, reportByBuild };
}

export type Analysis = ReturnType<typeof analyse>;

export const data = generateDemo({ now: NOW });
export const demo = analyse(data);
