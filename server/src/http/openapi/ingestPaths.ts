// REST v1 ingestion (api.md "Ingestion") and the read that `keel deploy` uses.
import { JunitUploadParams, JunitUploadQuery, LastDeploymentParams, LastDeploymentQuery, MAX_BATCH_EVENTS } from "@keel/shared";
import { MAX_JUNIT_BYTES } from "../rest/junitRoute.ts";
import { jsonSchemaOf, ref, type ComponentName } from "./components.ts";
import { errors, jsonResponse, pathParameters, queryParameters, scoped, type Operation } from "./operations.ts";

const perType: [path: string, schema: ComponentName, summary: string][] = [
  ["/deployments", "DeploymentEvent", "Report deployments"],
  ["/changes", "ChangeEvent", "Report changes (commits, merged pull requests)"],
  ["/incidents", "IncidentEvent", "Report incidents (send again to update, e.g. when resolved)"],
  ["/builds", "BuildEvent", "Report CI builds"],
];

const ingested = jsonResponse("Stored. Resending an identical event counts as unchanged and changes nothing.", "IngestResult");

function ingest(summary: string, description: string, body: Record<string, unknown>): Operation {
  return scoped("ingest", {
    summary,
    description,
    requestBody: { required: true, content: { "application/json": { schema: body } } },
    responses: { "200": ingested, ...errors(400, 401, 403, 413, 415) },
  });
}

export function ingestPaths(): Record<string, Record<string, Operation>> {
  const paths: Record<string, Record<string, Operation>> = {
    "/events": {
      post: ingest(
        "Report a batch of events of any type",
        `Each event has a \`type\`. A batch is atomic: if any event is invalid the answer is 400 listing every invalid event, and nothing is stored. Up to ${MAX_BATCH_EVENTS} events or 10 MB.`,
        ref("EventBatch"),
      ),
    },
  };
  for (const [path, schema, summary] of perType) {
    paths[path] = {
      post: ingest(summary, `One object, or an array of up to ${MAX_BATCH_EVENTS} (atomic, like a batch). \`type\` may be left out.`, {
        oneOf: [ref(schema), { type: "array", minItems: 1, maxItems: MAX_BATCH_EVENTS, items: ref(schema) }],
      }),
    };
  }
  paths["/builds/{buildId}/junit"] = {
    post: scoped("ingest", {
      summary: "Upload a JUnit XML report for a build",
      description: `The build must exist. Sending the same \`report\` name again replaces that report's results. Up to ${MAX_JUNIT_BYTES / 1024 / 1024} MB uncompressed; DTDs and entities are refused.`,
      parameters: [
        ...pathParameters(jsonSchemaOf(JunitUploadParams, "input")),
        ...queryParameters(jsonSchemaOf(JunitUploadQuery, "input")),
        { name: "Content-Encoding", in: "header", required: false, schema: { type: "string", enum: ["identity", "gzip"] } },
      ],
      requestBody: {
        required: true,
        content: { "application/xml": { schema: { type: "string" } }, "text/xml": { schema: { type: "string" } } },
      },
      responses: { "200": jsonResponse("The report's counts.", "JunitUploadResult"), ...errors(400, 401, 403, 404, 413, 415) },
    }),
  };
  paths["/services/{slug}/last-deployment"] = {
    get: scoped("read", {
      summary: "The service's latest successful deployment with a commit sha",
      description: "What `keel deploy` lists the commits since. 404 when the service has none in that environment.",
      parameters: [...pathParameters(jsonSchemaOf(LastDeploymentParams, "input")), ...queryParameters(jsonSchemaOf(LastDeploymentQuery, "input"))],
      responses: { "200": jsonResponse("The deployment's sha and finish time.", "LastDeployment"), ...errors(400, 401, 403, 404) },
    }),
  };
  return paths;
}
