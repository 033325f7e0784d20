// The DORA procedures' answers as the web app receives them: the shared output schemas'
// types (shared/src/outputs/dora.ts), the same ones the procedures check their answers with
// (type-only: no zod reaches the bundle). No Date in them, so the JSON on the wire is this type.
import type { DoraMetricsData, PullRequestMetricsData } from "@keel/shared/outputs";

export type DoraMetrics = DoraMetricsData;
export type DoraPullRequests = PullRequestMetricsData;
