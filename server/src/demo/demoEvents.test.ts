import { DAY_MS, HOUR_MS } from "@keel/shared/calendar";
import { describe, expect, test } from "vitest";
import { type Deployment, type Build, now, ms, data, demo } from "./testSupport/demoData.ts";
import { classifiedChanges, share, attributeIncidents, testKey, failedStatus } from "./testSupport/storyRules.ts";

describe("generateDemo: deployments and changes", () => {
  test("services have clearly different cadences", () => {
    const perDay = (slug: string): number => demo.production.filter((d) => d.service === slug && d.kind === "normal").length / 120;
    expect(perDay("checkout-web")).toBeGreaterThan(2.5);
    for (const slug of ["cart-api", "search-api", "payments-api", "identity-api", "notifications"]) {
      expect(perDay(slug)).toBeGreaterThan(0.5);
      expect(perDay(slug)).toBeLessThan(2.5);
    }
    const weekly = demo.production.filter((d) => d.service === "billing-worker" && d.kind === "normal").length;
    expect(weekly).toBeGreaterThanOrEqual(10);
    expect(weekly).toBeLessThanOrEqual(18);
    const rare = demo.production.filter((d) => d.service === "ledger" && d.kind === "normal").length;
    expect(rare).toBeGreaterThanOrEqual(2);
    expect(rare).toBeLessThanOrEqual(7);
  });

  test("statuses, environments and kinds are all present, mostly successful production", () => {
    const count = (predicate: (d: Deployment) => boolean): number => demo.deployments.filter(predicate).length;
    const staging = count((d) => d.environment === "staging");
    expect(staging / demo.deployments.length).toBeGreaterThan(0.02);
    expect(staging / demo.deployments.length).toBeLessThan(0.15);
    expect(count((d) => d.status === "success") / demo.deployments.length).toBeGreaterThan(0.9);
    expect(count((d) => d.status === "failure")).toBeGreaterThan(10);
    expect(count((d) => d.status === "cancelled")).toBeGreaterThan(3);
    expect(count((d) => d.kind === "rollback" && d.rollbackOfDeploymentId !== undefined)).toBeGreaterThan(5);
    expect(count((d) => d.kind === "hotfix")).toBeGreaterThan(5);
    expect(count((d) => d.kind === "hotfix" && d.remediatesIncidentId !== undefined)).toBeGreaterThan(3);
  });

  test("each successful production deploy (but rollbacks) ships 1-8 commits made before it", () => {
    for (const deployment of demo.production) {
      if (deployment.kind === "rollback") {
        expect(deployment.commits).toBeUndefined();
        continue;
      }
      const commits = deployment.commits ?? [];
      expect(commits.length).toBeGreaterThanOrEqual(1);
      expect(commits.length).toBeLessThanOrEqual(8);
      for (const commit of commits) expect(ms(commit.committedAt)).toBeLessThan(ms(deployment.startedAt ?? deployment.finishedAt));
    }
  });

  test("lead times range from hours to days and differ by service", () => {
    const medianLead = (slug: string): number => {
      const seen = new Set<string>();
      const leads: number[] = [];
      for (const deployment of demo.production.filter((d) => d.service === slug)) {
        for (const commit of deployment.commits ?? []) {
          if (seen.has(commit.sha)) continue;
          seen.add(commit.sha);
          leads.push((ms(deployment.finishedAt) - ms(commit.committedAt)) / HOUR_MS);
        }
      }
      leads.sort((a, b) => a - b);
      return leads[Math.floor(leads.length / 2)] ?? 0;
    };
    expect(medianLead("checkout-web")).toBeLessThan(12);
    expect(medianLead("payments-api")).toBeGreaterThan(medianLead("checkout-web"));
    expect(medianLead("ledger")).toBeGreaterThan(72);
  });

  test("a few commits are shipped by two successful production deploys", () => {
    const shippedBy = new Map<string, number>();
    for (const deployment of demo.production) {
      for (const commit of deployment.commits ?? []) shippedBy.set(commit.sha, (shippedBy.get(commit.sha) ?? 0) + 1);
    }
    const twice = [...shippedBy.values()].filter((count) => count > 1).length;
    expect(twice).toBeGreaterThan(5);
    expect(twice / shippedBy.size).toBeLessThan(0.1);
  });

  test("categories come from all three sources, with a visible unclassified share", () => {
    const list = classifiedChanges(demo);
    const sources = new Set(list.map((change) => change.source));
    expect([...sources].sort()).toEqual(["explicit", "labels", "none", "prefix"]);
    const categories = new Set(list.map((change) => change.category));
    expect([...categories].sort()).toEqual(["bug", "debt", "feature", "other", "unplanned"]);
    for (const team of ["payments", "checkout", "platform"]) {
      expect(share(list, team, "other")).toBeGreaterThan(0.05);
      expect(share(list, team, "other")).toBeLessThan(0.25);
    }
  });
});

describe("generateDemo: incidents and builds", () => {
  test("incidents cover every kind of cause, severity and state", () => {
    const { incidents } = demo;
    expect(incidents.some((i) => i.causedByDeploymentId !== undefined)).toBe(true);
    expect(incidents.some((i) => i.causedByCommitSha !== undefined)).toBe(true);
    expect(incidents.some((i) => i.service && !i.causedByDeploymentId && !i.causedByCommitSha && !i.notCausedByChange)).toBe(true);
    expect(incidents.filter((i) => i.notCausedByChange === true)).toHaveLength(1);
    expect(incidents.filter((i) => i.service === undefined)).toHaveLength(1);
    expect(incidents.some((i) => i.responders !== undefined)).toBe(true);
    expect(incidents.some((i) => i.responders === undefined)).toBe(true);
    expect(new Set(incidents.map((i) => i.severity))).toEqual(new Set(["sev1", "sev2", "sev3"]));
    const open = incidents.filter((i) => i.resolvedAt === undefined);
    expect(open.length).toBeGreaterThanOrEqual(1);
    expect(open.length).toBeLessThanOrEqual(2);
    for (const incident of open) expect(now - ms(incident.openedAt)).toBeLessThan(2 * DAY_MS);
    const durations = incidents.filter((i) => i.resolvedAt).map((i) => (ms(i.resolvedAt) - ms(i.openedAt)) / HOUR_MS);
    expect(Math.min(...durations)).toBeGreaterThanOrEqual(20 / 60);
    expect(Math.min(...durations)).toBeLessThan(1);
    expect(Math.max(...durations)).toBeLessThanOrEqual(48);
    expect(Math.max(...durations)).toBeGreaterThan(40);
  });

  test("incidents without an explicit cause open after a deploy of their service and before the next one finished", () => {
    const windowed = demo.incidents.filter((i) => i.service !== undefined && !i.causedByDeploymentId && !i.causedByCommitSha && !i.notCausedByChange);
    expect(windowed.length).toBeGreaterThan(3);
    const attributed = attributeIncidents(demo);
    for (const incident of windowed) expect(attributed.has(incident.id)).toBe(true);
  });

  test("builds: attempts, reruns of the same sha and plausible durations", () => {
    const byChain = new Map<string, Build[]>();
    for (const build of demo.builds) {
      expect(build.pipeline).toBe("ci");
      const minutes = (ms(build.finishedAt) - ms(build.startedAt)) / 60_000;
      expect(minutes).toBeGreaterThanOrEqual(5);
      expect(minutes).toBeLessThanOrEqual(20);
      expect(ms(build.queuedAt)).toBeLessThanOrEqual(ms(build.startedAt));
      const chain = build.id.replace(/-a\d$/, "");
      byChain.set(chain, [...(byChain.get(chain) ?? []), build]);
    }
    let reruns = 0;
    for (const attempts of byChain.values()) {
      attempts.sort((a, b) => (a.attempt ?? 1) - (b.attempt ?? 1));
      attempts.forEach((build, index) => {
        expect(build.attempt).toBe(index + 1);
        expect(build.commitSha).toBe(attempts[0]?.commitSha);
        if (index > 0) {
          reruns += 1;
          expect(attempts[index - 1]?.status).not.toBe("success");
          expect(ms(build.queuedAt)).toBeGreaterThan(ms(attempts[index - 1]?.finishedAt));
        }
      });
    }
    expect(reruns).toBeGreaterThan(100);
  });

  test("JUnit reports: one per build of three services, 20-40 tests each", () => {
    const reportServices = new Set(demo.builds.filter((b) => demo.reportByBuild.has(b.id)).map((b) => b.service));
    expect([...reportServices].sort()).toEqual(["checkout-web", "identity-api", "payments-api"]);
    for (const build of demo.builds) expect(demo.reportByBuild.has(build.id)).toBe(reportServices.has(build.service));
    for (const report of data.testReports) {
      expect(report.name).toBe("junit");
      const tests = new Set(report.executions.map((run) => testKey("", run)));
      expect(tests.size).toBeGreaterThanOrEqual(20);
      expect(tests.size).toBeLessThanOrEqual(40);
    }
    // A build's status follows its report: red when a test's last execution failed.
    for (const build of demo.builds) {
      const executions = demo.reportByBuild.get(build.id)?.executions;
      if (executions === undefined) continue;
      const last = new Map(executions.map((run) => [testKey("", run), run]));
      expect(build.status === "failure").toBe([...last.values()].some(failedStatus));
    }
  });
});
