// Operations endpoints outside /api/v1 (api.md "Operations"): the Prometheus scrape. Its path item
// names its own server, the root, since the document's server is /api/v1.
import { errors, scoped, type Operation } from "./operations.ts";

export function operationsPaths(): Record<string, Record<string, Operation | { url: string }[]>> {
  return {
    "/metrics": {
      servers: [{ url: "/" }],
      get: scoped("read", {
        summary: "Prometheus metrics, in the text exposition format 0.0.4",
        description:
          'Requests by method, route pattern and status with latency histograms (`keel_http_request_duration_seconds`), events ingested by type (`keel_events_ingested_total`), the webhook queue\'s depth and oldest age, connection sync runs by kind and outcome (`keel_sync_runs_total`), the database pool, and Node.js process metrics. See docs/api.md "Prometheus metrics".',
        responses: { "200": { description: "The metrics", content: { "text/plain; version=0.0.4": { schema: { type: "string" } } } }, ...errors(401, 403) },
      }),
    },
  };
}
