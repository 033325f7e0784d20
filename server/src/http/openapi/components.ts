// The document's schemas, generated from the shared zod schemas so they cannot drift from what
// the server validates: requests as zod accepts them (`io: "input"`: fields with a default are
// optional), answers as the server produces them.
import {
  BuildEvent,
  ChangeEvent,
  DeploymentEvent,
  ErrorResponse,
  EventBatch,
  IncidentEvent,
  IngestResult,
  JunitUploadResult,
  LastDeployment,
} from "@keel/shared";
import {
  AuditLog,
  Connection,
  ConnectionList,
  ConnectionRemoved,
  DeliveryLog,
  DeliveryQueued,
  DemoRemoval,
  DemoStatus,
  DoraMetrics,
  FlakyTestHistory,
  FlakyTests,
  Goal,
  GoalDeleted,
  GoalList,
  HoursLost,
  InvestmentBalance,
  PullRequestMetrics,
  Subscription,
  SubscriptionDeleted,
  SubscriptionList,
  TokenCreated,
  TokenList,
  TokenRevoked,
  User,
  UserList,
  UserUpdated,
  WebhookStatusList,
  WeeklyReport,
} from "@keel/shared/outputs";
import { z } from "zod";

export type JsonSchema = Record<string, unknown>;

/**
 * A zod schema as a JSON Schema 2020-12 object (OpenAPI 3.1's dialect), without `$schema`. A Date
 * in an answer reaches the client as JSON does it: an ISO date-time string.
 */
export function jsonSchemaOf(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: "any",
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema._zod.def.type === "date") Object.assign(jsonSchema, { type: "string", format: "date-time" });
    },
  });
  return rest;
}

export const requestSchemas = { DeploymentEvent, ChangeEvent, IncidentEvent, BuildEvent, EventBatch } as const;
export const responseSchemas = {
  IngestResult,
  JunitUploadResult,
  LastDeployment,
  ErrorResponse,
  // The answers of the reading endpoints, the same schemas their tRPC procedures check (shared/src/outputs/).
  DoraMetrics,
  PullRequestMetrics,
  FlakyTests,
  FlakyTestHistory,
  HoursLost,
  InvestmentBalance,
  WeeklyReport,
  GoalList,
  Goal,
  GoalDeleted,
  DemoStatus,
  DemoRemoval,
  // Administration, connections and subscriptions (adminPaths.ts, connectionPaths.ts, subscriptionPaths.ts).
  UserList,
  User,
  UserUpdated,
  TokenList,
  TokenCreated,
  TokenRevoked,
  AuditLog,
  WebhookStatusList,
  ConnectionList,
  Connection,
  ConnectionRemoved,
  SubscriptionList,
  Subscription,
  SubscriptionDeleted,
  DeliveryQueued,
  DeliveryLog,
} as const;
export type ComponentName = keyof typeof requestSchemas | keyof typeof responseSchemas;

export function components(): Record<ComponentName, JsonSchema> {
  const out: Partial<Record<ComponentName, JsonSchema>> = {};
  for (const [name, schema] of Object.entries(requestSchemas)) out[name as ComponentName] = jsonSchemaOf(schema, "input");
  for (const [name, schema] of Object.entries(responseSchemas)) out[name as ComponentName] = jsonSchemaOf(schema, "output");
  return out as Record<ComponentName, JsonSchema>;
}

export const ref = (name: ComponentName) => ({ $ref: `#/components/schemas/${name}` });
