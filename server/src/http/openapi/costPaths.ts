// REST v1 reading of costs, flaky tests, investment, the weekly report and the CSV exports, as
// server/src/http/rest/costRoutes.ts serves them. Parameters come from the shared schemas
// (shared/src/costsApi.ts), the JSON answers from the output schemas in shared/src/outputs/
// (components.ts). A new route there needs an entry here: the OpenAPI test fails until it has one.
import { CostFilters, EXPORT_KINDS, FLAKY_HISTORY_MAX_SHAS, FlakyTestRef, FlakyTestsLimit, WeeklyReportQuery } from "@keel/shared";
import { jsonSchemaOf, ref, type ComponentName } from "./components.ts";
import { errors, jsonResponse, pathParameters, queryParameters, scoped, type Operation } from "./operations.ts";

const bucket = { name: "bucket", in: "query", required: false, schema: { type: "string", enum: ["week"], default: "week" } };
const windowNote = "Without `from` and `to` the window is the last 13 weeks up to and including today.";

export function costPaths(): Record<string, Record<string, Operation>> {
  const filters = queryParameters(jsonSchemaOf(CostFilters, "input"));
  const metric = (summary: string, answer: string, schema: ComponentName, extra: Record<string, unknown>[] = []): Record<string, Operation> => ({
    get: scoped("read", {
      summary,
      description: windowNote,
      parameters: [...filters, ...extra],
      responses: { "200": jsonResponse(answer, schema), ...errors(400, 401, 403) },
    }),
  });
  return {
    "/metrics/flaky-tests": metric(
      "Flaky tests, sorted by hours lost",
      "The tests, with the outages and broken tests left out of flakiness.",
      "FlakyTests",
      queryParameters(jsonSchemaOf(FlakyTestsLimit, "input")),
    ),
    "/metrics/flaky-tests/{testId}/history": {
      get: scoped("read", {
        summary: "One test's runs by commit: each build attempt's outcomes, flaky and blocking failures, outages",
        description: `${windowNote} The ${FLAKY_HISTORY_MAX_SHAS} most recent shas, newest first; \`totalShas\` says how many ran the test. An unknown \`testId\` is a 404.`,
        parameters: [...pathParameters(jsonSchemaOf(FlakyTestRef, "input")), ...filters],
        responses: {
          "200": jsonResponse("The test and its runs by commit.", "FlakyTestHistory"),
          ...errors(400, 401, 403, 404),
        },
      }),
    },
    "/metrics/hours-lost": metric(
      "Hours lost to flaky tests, change failures and rework",
      "Hours lost by cause, week and team, with cost avoided.",
      "HoursLost",
      [bucket],
    ),
    "/metrics/investment": metric(
      "Investment balance: category shares per bucket and team, with the target",
      "Shares are fractions (0.25, not 25).",
      "InvestmentBalance",
      [bucket],
    ),
    "/reports/weekly": {
      get: scoped("read", {
        summary: "The weekly health report of an ISO week",
        description: "JSON by default; `Accept: text/markdown` or `text/html` (or `format=md|html`) for the rendered report.",
        parameters: [
          ...queryParameters(jsonSchemaOf(WeeklyReportQuery, "input")),
          { name: "format", in: "query", required: false, schema: { type: "string", enum: ["json", "md", "html"] } },
        ],
        responses: {
          "200": {
            description: "The report: its figures, and in `document` the blocks the Markdown and HTML are rendered from.",
            content: {
              "application/json": { schema: ref("WeeklyReport") },
              "text/markdown": { schema: { type: "string" } },
              "text/html": { schema: { type: "string" } },
            },
          },
          ...errors(400, 401, 403),
        },
      }),
    },
    "/export/{file}": {
      get: scoped("read", {
        summary: "A CSV export with the same filters",
        description: windowNote,
        parameters: [...pathParameters({ properties: { file: { type: "string", enum: EXPORT_KINDS.map((kind) => `${kind}.csv`) } } }), ...filters],
        responses: { "200": { description: "CSV with a header row.", content: { "text/csv": { schema: { type: "string" } } } }, ...errors(400, 401, 403, 404) },
      }),
    },
  };
}
