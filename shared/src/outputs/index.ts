// The procedures' answers as zod schemas (`@keel/shared/outputs`): attached to the tRPC procedures
// with `.output()`, turned into the OpenAPI response bodies (server/src/http/openapi/), and the
// services' answer types are z.infer of them.
export * from "./common.ts";
export * from "./dora.ts";
export * from "./flakyTests.ts";
export * from "./hoursLost.ts";
export * from "./investment.ts";
export * from "./goals.ts";
export * from "./demo.ts";
export * from "./summary.ts";
export * from "./weeklyReport.ts";
export * from "./costModel.ts";
export * from "./lists.ts";
export * from "./settings.ts";
export * from "./subscriptions.ts";
export * from "./connections.ts";
export * from "./webhooks.ts";
