// What the REST v1 ingestion endpoints answer (api.md "Ingestion", "Errors"), as zod schemas: the
// CLI reads these answers and the OpenAPI document is generated from them.
import { z } from "zod";
import { EventId, Name } from "./events.ts";

export const IngestResult = z.object({
  accepted: z.int().min(0),
  created: z.int().min(0),
  updated: z.int().min(0),
  unchanged: z.int().min(0),
});
export type IngestResultData = z.output<typeof IngestResult>;

/** POST /api/v1/builds/{buildId}/junit?report={name}: the same name again replaces that report. */
export const JUNIT_REPORT_NAME = /^[\w.\-/ ]{1,200}$/;
export const JunitUploadParams = z.strictObject({ buildId: EventId });
export const JunitUploadQuery = z.strictObject({
  report: z.string().regex(JUNIT_REPORT_NAME, "must be 1-200 letters, digits, spaces or . - _ /").default("junit"),
});

export const JunitUploadResult = z.object({
  tests: z.int().min(0),
  passed: z.int().min(0),
  failed: z.int().min(0),
  errors: z.int().min(0),
  skipped: z.int().min(0),
  flakyRetries: z.int().min(0),
  /** Characters XML forbids (ANSI colour escapes, NUL) that were replaced by U+FFFD to keep the report. */
  repairs: z.int().min(0).default(0),
  /** What was read other than as written, or looks wrong: a header counting tests the body lacks, unreadable times. */
  warnings: z.array(z.string()).default([]),
});
export type JunitUploadResultData = z.output<typeof JunitUploadResult>;

/** GET /api/v1/services/{slug}/last-deployment: the service's latest successful deployment with a sha. */
export const LastDeploymentParams = z.strictObject({ slug: Name });
export const LastDeploymentQuery = z.strictObject({ environment: Name.default("production") });
export const LastDeployment = z.object({
  commitSha: z.string(),
  finishedAt: z.iso.datetime({ offset: true }),
});
export type LastDeploymentData = z.output<typeof LastDeployment>;

export const ErrorCode = z.enum([
  "VALIDATION_FAILED",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "PAYLOAD_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
  "RATE_LIMITED",
  "INTERNAL",
  "UNAVAILABLE",
]);
export type ErrorCodeValue = z.output<typeof ErrorCode>;

export const ErrorResponse = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    /** Validation failures: one entry per failing field, e.g. `events[3].finishedAt`. */
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorResponseData = z.output<typeof ErrorResponse>;
