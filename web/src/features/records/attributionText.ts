// Why a deployment counts as a failed change, and why an incident counts against a deployment (or
// does not), in words: the DORA engine's rules (docs/metrics.md, change failure rate) applied to
// one record. The rules themselves run on the server; this only says which one applied.
import { HOUR_MS } from "@keel/shared/calendar";
import { countOf, formatDuration } from "@keel/shared/numbers";

export type Rule = "incident" | "commit" | "rollback" | "timeWindow" | "revert";

/** The attribution window in words: "7 days" when it is whole days, else "6 hours". */
export function attributionWindowText(hours: number): string {
  return hours % 24 === 0 ? countOf(hours / 24, "day") : countOf(hours, "hour");
}

const hoursBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / HOUR_MS;
const short = (sha: string) => sha.slice(0, 8);
const words = (text: string) => text.replace(/\u00a0/g, " ");

/** A few words for a table cell: "named by inc-0042", "rolled back by dep-…". */
export function ruleShort(rule: Rule, other: string | null): string {
  switch (rule) {
    case "incident":
      return `named by ${other ?? "an incident"}`;
    case "commit":
      return `its commit named by ${other ?? "an incident"}`;
    case "rollback":
      return `rolled back${other ? ` by ${other}` : ""}`;
    case "timeWindow":
      return `${other ?? "an incident"} opened after it`;
    case "revert":
      return `its commit reverted${other ? ` by ${short(other)}` : ""}`;
  }
}

export interface CauseInput {
  rule: Rule;
  incident: { id: string; openedAt: string; causedByCommitSha: string | null } | null;
  rollback: { id: string } | null;
  /** The reverting change, for the revert rule. */
  revertSha?: string | null;
}

/** One reason a deployment counts as a failed change, as a sentence (the record ids are linked by the caller). */
export function deploymentCauseSentence(
  cause: CauseInput,
  deployment: { finishedAt: string; service: string; environment: string },
  attributionWindowHours: number,
): string {
  const incident = cause.incident?.id ?? "An incident";
  switch (cause.rule) {
    case "incident":
      return `${incident} names this deployment as its cause.`;
    case "commit":
      return `${incident} names commit ${short(cause.incident?.causedByCommitSha ?? "")}, which this deployment first brought to ${deployment.environment}.`;
    case "rollback":
      return `${cause.rollback?.id ?? "A later deployment"} rolled it back.`;
    case "revert":
      return `${cause.revertSha ? `Change ${short(cause.revertSha)}` : "A change"}, merged after it, reverts a commit this deployment first brought to ${deployment.environment}.`;
    case "timeWindow": {
      const after = cause.incident ? ` ${words(formatDuration(hoursBetween(deployment.finishedAt, cause.incident.openedAt)))} after it` : " after it";
      return `${incident} names no cause and opened${after}, before the next deployment of ${deployment.service} and within the ${attributionWindowText(attributionWindowHours)} an incident may be attributed.`;
    }
  }
}

export interface AttributionInput {
  deploymentId: string;
  rule: Exclude<Rule, "rollback" | "revert">;
  service: string;
  finishedAt: string;
}

/** Why an incident counts against a deployment, as a sentence that follows the deployment's name. */
export function incidentAttributionSentence(
  a: AttributionInput,
  incident: { openedAt: string; causedByCommitSha: string | null },
  environment: string,
  attributionWindowHours: number,
): string {
  switch (a.rule) {
    case "incident":
      return "The incident names this deployment as its cause.";
    case "commit":
      return `The incident names commit ${short(incident.causedByCommitSha ?? "")}, which this deployment first brought to ${environment}.`;
    case "timeWindow":
      return `The incident names no cause and opened ${words(formatDuration(hoursBetween(a.finishedAt, incident.openedAt)))} after this deployment, the last of ${a.service} before it, within the ${attributionWindowText(attributionWindowHours)} an incident may be attributed.`;
  }
}

export interface UnattributedInput {
  service: string | null;
  causedByDeploymentId: string | null;
  causedByCommitSha: string | null;
  notCausedByChange: boolean;
  /** The deployment its causedByDeploymentId names, if Keel has it. */
  namedDeployment: { id: string; status: string; environment: string } | null;
}

/** Why an incident counts against no deployment. */
export function unattributedSentence(i: UnattributedInput, environment: string, attributionWindowHours: number): string {
  if (i.notCausedByChange) return "It is marked as not caused by a change, so it counts against no deployment.";
  if (i.causedByDeploymentId) {
    const named = i.namedDeployment;
    if (!named) return `It names deployment ${i.causedByDeploymentId}, which Keel has not received.`;
    return `It names ${named.id}, a ${named.status === "success" ? "successful" : named.status === "failure" ? "failed" : "cancelled"} deployment to ${named.environment}; only successful ${environment} deployments count.`;
  }
  if (i.causedByCommitSha)
    return `It names commit ${short(i.causedByCommitSha)}, which no successful ${environment} deployment${i.service ? ` of ${i.service}` : ""} has shipped.`;
  if (!i.service) return "It has no service and names no cause, so Keel attributes it to nothing.";
  return `It names no cause, and no successful ${environment} deployment of ${i.service} finished in the ${attributionWindowText(attributionWindowHours)} before it opened.`;
}
