import { AnyEvent } from "@keel/shared";
import { describe, expect, test } from "vitest";
import { generateDemo } from "./generateDemo.ts";
import { NOW, now, start, data, demo } from "./testSupport/demoData.ts";

describe("generateDemo: determinism and validity", () => {
  test("the same now and seed give the same data; another seed gives other data", () => {
    expect(generateDemo({ now: NOW })).toEqual(data);
    expect(generateDemo({ now: NOW, seed: 20261121 })).toEqual(data);
    const other = generateDemo({ now: NOW, seed: 7 });
    expect(other.events).not.toEqual(data.events);
  });

  test("every event parses with AnyEvent", () => {
    const invalid = data.events
      .map((event, index) => ({ index, result: AnyEvent.safeParse(event) }))
      .filter(({ result }) => !result.success)
      .map(({ index, result }) => ({ index, issues: result.error?.issues.slice(0, 3) }));
    expect(invalid).toEqual([]);
  });

  test("every timestamp is a UTC ISO string within [now - 120 days, now)", () => {
    const problems: string[] = [];
    const visit = (value: unknown, path: string): void => {
      if (Array.isArray(value)) value.forEach((item, index) => visit(item, `${path}[${index}]`));
      else if (value !== null && typeof value === "object") {
        for (const [key, inner] of Object.entries(value)) {
          if (key.endsWith("At")) {
            const at = typeof inner === "string" ? Date.parse(inner) : Number.NaN;
            if (typeof inner !== "string" || !inner.endsWith("Z") || !(at >= start && at < now)) problems.push(`${path}.${key}=${String(inner)}`);
          } else visit(inner, `${path}.${key}`);
        }
      }
    };
    visit(data.events, "events");
    expect(problems).toEqual([]);
  });

  test("sizes are in the expected ranges", () => {
    const changes = new Set([...demo.deployments.flatMap((d) => (d.commits ?? []).map((c) => c.sha)), ...demo.changes.map((c) => c.sha)]);
    const executions = data.testReports.reduce((sum, report) => sum + report.executions.length, 0);
    expect(data.teams).toHaveLength(3);
    expect(data.services).toHaveLength(8);
    expect(new Set(data.services.map((service) => service.repository)).size).toBe(8);
    expect(demo.deployments.length).toBeGreaterThanOrEqual(1_000);
    expect(demo.deployments.length).toBeLessThanOrEqual(1_800);
    expect(changes.size).toBeGreaterThanOrEqual(3_000);
    expect(changes.size).toBeLessThanOrEqual(6_000);
    expect(demo.incidents.length).toBeGreaterThanOrEqual(40);
    expect(demo.incidents.length).toBeLessThanOrEqual(80);
    expect(demo.builds.length).toBeGreaterThanOrEqual(1_500);
    expect(demo.builds.length).toBeLessThanOrEqual(3_000);
    expect(executions).toBeLessThan(40_000);
    expect(demo.changes.length).toBeGreaterThan(0);
  });

  test("ids are unique and every reference points at something that exists", () => {
    const deploymentIds = new Set(demo.deployments.map((deployment) => deployment.id));
    const incidentIds = new Set(demo.incidents.map((incident) => incident.id));
    const buildIds = new Set(demo.builds.map((build) => build.id));
    expect(deploymentIds.size).toBe(demo.deployments.length);
    expect(incidentIds.size).toBe(demo.incidents.length);
    expect(buildIds.size).toBe(demo.builds.length);
    for (const id of deploymentIds) expect(id).toMatch(/^dep-[a-z-]+-\d{4}$/);
    for (const id of incidentIds) expect(id).toMatch(/^inc-\d{4}$/);
    for (const id of buildIds) expect(id).toMatch(/^build-[a-z-]+-\d{4}-a\d$/);
    const shipped = new Set(demo.deployments.flatMap((deployment) => (deployment.commits ?? []).map((commit) => commit.sha)));
    for (const deployment of demo.deployments) {
      if (deployment.rollbackOfDeploymentId) expect(deploymentIds).toContain(deployment.rollbackOfDeploymentId);
      if (deployment.remediatesIncidentId) expect(incidentIds).toContain(deployment.remediatesIncidentId);
    }
    for (const incident of demo.incidents) {
      if (incident.causedByDeploymentId) expect(deploymentIds).toContain(incident.causedByDeploymentId);
      if (incident.causedByCommitSha) expect(shipped).toContain(incident.causedByCommitSha);
    }
    for (const report of data.testReports) expect(buildIds).toContain(report.buildId);
    const services = new Set(data.services.map((service) => service.slug));
    const teams = new Set(data.teams.map((team) => team.slug));
    for (const service of data.services) expect(teams).toContain(service.team);
    for (const event of data.events) if ("service" in event && event.service !== undefined) expect(services).toContain(event.service);
  });
});
