import { DeploymentListQuery, IncidentListQuery } from "@keel/shared";
import { expect, test } from "vitest";
import { deploymentListInput, incidentListInput, pageSpan, readDeploymentView, readIncidentView, writeListParams } from "./recordFilters.ts";

const params = (query: string) => new URLSearchParams(query);
const window = { from: "2026-08-24", to: "2026-11-21T12:00:00.000Z" };

test("deployment filters, page and selection come from the URL; anything invalid is left out", () => {
  expect(readDeploymentView(params("weeks=12&team=payments&status=failure&kind=rollback&failure=yes&page=3&selected=dep-api-0001"))).toEqual({
    filters: { weeks: 12, team: "payments", status: "failure", kind: "rollback", failure: "yes" },
    page: 3,
    selected: "dep-api-0001",
  });
  expect(readDeploymentView(params("status=exploded&kind=&failure=maybe&page=-2"))).toEqual({ filters: { weeks: 4 }, page: 1 });
});

test("incident filters", () => {
  expect(readIncidentView(params("severity=sev1&state=open&selected=inc-0001"))).toEqual({
    filters: { weeks: 4, severity: "sev1", state: "open" },
    page: 1,
    selected: "inc-0001",
  });
  expect(readIncidentView(params("severity=" + "x".repeat(51) + "&state=closed"))).toEqual({ filters: { weeks: 4 }, page: 1 });
});

test("the query inputs pass the server's schemas", () => {
  const deployments = deploymentListInput({ weeks: 12, service: "api", status: "success", failure: "no" }, window, 3);
  expect(deployments).toEqual({ ...window, service: "api", status: "success", changeFailure: false, offset: 50, limit: 25 });
  expect(DeploymentListQuery.safeParse(deployments).success).toBe(true);
  const incidents = incidentListInput({ weeks: 12, environment: "staging", severity: "sev2", state: "resolved" }, window, 1);
  expect(incidents).toEqual({ ...window, environment: "staging", severity: "sev2", state: "resolved", offset: 0, limit: 25 });
  expect(IncidentListQuery.safeParse(incidents).success).toBe(true);
});

test("page 1 is left out of the URL", () => {
  expect(writeListParams(params("weeks=12&page=3"), { page: 1, status: "failure" }).toString()).toBe("weeks=12&status=failure");
  expect(writeListParams(params(""), { page: 2, status: undefined }).toString()).toBe("page=2");
});

test.each([
  [0, 25, 1148, { first: 1, last: 25, pages: 46 }],
  [1125, 23, 1148, { first: 1126, last: 1148, pages: 46 }],
  [0, 0, 0, { first: 0, last: 0, pages: 1 }],
])("offset %d, %d shown of %d", (offset, shown, total, span) => {
  expect(pageSpan(offset, shown, total)).toEqual(span);
});
