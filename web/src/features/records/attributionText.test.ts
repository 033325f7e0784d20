import { expect, test } from "vitest";
import { attributionWindowText, deploymentCauseSentence, incidentAttributionSentence, ruleShort, unattributedSentence } from "./attributionText.ts";

const deployment = { finishedAt: "2026-11-16T10:00:00Z", service: "cart-api", environment: "production" };
const incident = { id: "inc-0042", openedAt: "2026-11-16T12:30:00Z", causedByCommitSha: "abcdef0123456789" };

test("each rule, in a few words", () => {
  expect(ruleShort("incident", "inc-0042")).toBe("named by inc-0042");
  expect(ruleShort("commit", "inc-0042")).toBe("its commit named by inc-0042");
  expect(ruleShort("rollback", "dep-7")).toBe("rolled back by dep-7");
  expect(ruleShort("timeWindow", "inc-0042")).toBe("inc-0042 opened after it");
  expect(ruleShort("revert", "c".repeat(40))).toBe("its commit reverted by cccccccc");
});

test("why a deployment counts as a failed change", () => {
  expect(deploymentCauseSentence({ rule: "incident", incident, rollback: null }, deployment, 7 * 24)).toBe("inc-0042 names this deployment as its cause.");
  expect(deploymentCauseSentence({ rule: "commit", incident, rollback: null }, deployment, 7 * 24)).toBe(
    "inc-0042 names commit abcdef01, which this deployment first brought to production.",
  );
  expect(deploymentCauseSentence({ rule: "rollback", incident: null, rollback: { id: "dep-cart-api-0100" } }, deployment, 7 * 24)).toBe(
    "dep-cart-api-0100 rolled it back.",
  );
  expect(deploymentCauseSentence({ rule: "timeWindow", incident, rollback: null }, deployment, 7 * 24)).toBe(
    "inc-0042 names no cause and opened 2.5 h after it, before the next deployment of cart-api and within the 7 days an incident may be attributed.",
  );
  expect(deploymentCauseSentence({ rule: "revert", incident: null, rollback: null, revertSha: "d".repeat(40) }, deployment, 7 * 24)).toBe(
    "Change dddddddd, merged after it, reverts a commit this deployment first brought to production.",
  );
});

test("why an incident counts against a deployment", () => {
  const a = { deploymentId: "dep-9", service: "cart-api", finishedAt: deployment.finishedAt };
  expect(incidentAttributionSentence({ ...a, rule: "incident" }, incident, "production", 7 * 24)).toBe("The incident names this deployment as its cause.");
  expect(incidentAttributionSentence({ ...a, rule: "commit" }, incident, "production", 7 * 24)).toBe(
    "The incident names commit abcdef01, which this deployment first brought to production.",
  );
  expect(incidentAttributionSentence({ ...a, rule: "timeWindow" }, incident, "production", 24)).toBe(
    "The incident names no cause and opened 2.5 h after this deployment, the last of cart-api before it, within the 1 day an incident may be attributed.",
  );
});

test.each([
  [{ notCausedByChange: true, causedByDeploymentId: "dep-1" }, "It is marked as not caused by a change, so it counts against no deployment."],
  [{ causedByDeploymentId: "dep-x" }, "It names deployment dep-x, which Keel has not received."],
  [
    { causedByDeploymentId: "dep-x", namedDeployment: { id: "dep-x", status: "failure", environment: "production" } },
    "It names dep-x, a failed deployment to production; only successful production deployments count.",
  ],
  [{ causedByCommitSha: "0123456789ab", service: "api" }, "It names commit 01234567, which no successful production deployment of api has shipped."],
  [{ service: null }, "It has no service and names no cause, so Keel attributes it to nothing."],
  [{}, "It names no cause, and no successful production deployment of api finished in the 7 days before it opened."],
])("an incident attributed to nothing: %o", (extra, sentence) => {
  const base = { service: "api", causedByDeploymentId: null, causedByCommitSha: null, notCausedByChange: false, namedDeployment: null };
  expect(unattributedSentence({ ...base, ...extra }, "production", 7 * 24)).toBe(sentence);
});

test.each([
  [168, "7 days"],
  [24, "1 day"],
  [6, "6 hours"],
  [1, "1 hour"],
  [36, "36 hours"],
])("an attribution window of %i hours reads %s", (hours, text) => {
  expect(attributionWindowText(hours)).toBe(text);
});
