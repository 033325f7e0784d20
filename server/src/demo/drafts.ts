// The generator's working objects: like the events, but with millisecond times and direct
// references, so ids can be assigned in chronological order once everything exists.
import type { ChangeCategoryValue } from "@keel/shared";
import type { TestExecution } from "../ingest/junit/types.ts";
import type { ServiceSpec } from "./catalog.ts";

export interface CommitDraft {
  sha: string;
  committedAt: number;
  authoredAt?: number;
  message?: string;
  prNumber?: number;
  prMergedAt?: number;
  category?: ChangeCategoryValue;
  labels?: string[];
}

export type DeploymentStatus = "success" | "failure" | "cancelled";

export interface DeploymentDraft {
  id: string;
  service: ServiceSpec;
  environment: "production" | "staging";
  status: DeploymentStatus;
  kind: "normal" | "rollback" | "hotfix";
  startedAt: number;
  finishedAt: number;
  commitSha: string;
  commits?: CommitDraft[];
  rollbackOf?: DeploymentDraft;
  remediates?: IncidentDraft;
}

export type Severity = "sev1" | "sev2" | "sev3";

export interface IncidentDraft {
  id: string;
  service?: ServiceSpec;
  severity: Severity;
  title: string;
  openedAt: number;
  acknowledgedAt?: number;
  resolvedAt?: number;
  causedBy?: DeploymentDraft;
  causedByCommitSha?: string;
  notCausedByChange?: boolean;
  responders?: number;
}

export interface AttemptDraft {
  attempt: number;
  status: "success" | "failure" | "cancelled";
  queuedAt: number;
  startedAt: number;
  finishedAt: number;
  /** Present for services that upload JUnit reports. */
  executions?: TestExecution[];
}

/** All attempts of one CI run of one commit. */
export interface BuildChainDraft {
  service: ServiceSpec;
  sha: string;
  branch: string;
  trigger: "push" | "pull_request";
  attempts: AttemptDraft[];
}

/** A change reported on its own (merged, not deployed yet). */
export interface PendingChangeDraft {
  service: ServiceSpec;
  commit: CommitDraft;
  prOpenedAt: number;
}

export interface DemoDrafts {
  deployments: DeploymentDraft[];
  incidents: IncidentDraft[];
  builds: BuildChainDraft[];
  pendingChanges: PendingChangeDraft[];
}
