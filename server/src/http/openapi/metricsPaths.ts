// REST v1 reading (api.md "Reading"): the DORA metrics, as server/src/http/rest/metricsRoutes.ts
// serves them (the other readings are in costPaths.ts).
// The query parameters come from the shared MetricFilters schema, the answers from the output
// schemas in shared/src/outputs/dora.ts (components.ts). Every new route under /api/v1/metrics
// needs an entry here; the OpenAPI test fails until it has one.
import { MetricFilters } from "@keel/shared";
import { jsonSchemaOf } from "./components.ts";
import { errors, jsonResponse, queryParameters, scoped, type Operation } from "./operations.ts";

const bucket = { name: "bucket", in: "query", required: false, schema: { type: "string", enum: ["week"], default: "week" } };

export function metricsPaths(): Record<string, Record<string, Operation>> {
  const filters = queryParameters(jsonSchemaOf(MetricFilters, "input"));
  return {
    "/metrics/dora": {
      get: scoped("read", {
        summary: "The five DORA metrics for a window, with a weekly series",
        description: "Window `[from, to)`; `from`/`to` are ISO dates or date-times (a date without an offset is read in the organisation's time zone).",
        parameters: [...filters, bucket],
        responses: {
          "200": jsonResponse('The metrics, as in api.md "Reading".', "DoraMetrics"),
          ...errors(400, 401, 403),
        },
      }),
    },
    "/metrics/pull-requests": {
      get: scoped("read", {
        summary: "Pull-request phases (coding, pickup, review, deploy, cycle) for a window, with a weekly series",
        description:
          "Pull requests count in the window and week of their first successful deployment; merged ones not yet deployed are `undeployed`. " +
          'Each phase is `{ medianHours, p90Hours, count }` (docs/metrics.md, "Pull-request phases").',
        parameters: filters,
        responses: {
          "200": jsonResponse("The phases, in total and per week.", "PullRequestMetrics"),
          ...errors(400, 401, 403),
        },
      }),
    },
  };
}
