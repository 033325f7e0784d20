// Where the REST API (for CI pipelines and scripts) is described: the OpenAPI file the server
// generates from the shared schemas (api.md).
export const API_DOCS_URL = "/api/v1/openapi.json";
