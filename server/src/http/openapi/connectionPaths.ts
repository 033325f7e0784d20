// REST v1 connections (api.md "Connections"), as server/src/http/rest/connectionRoutes.ts serves them.
import { ConnectionCreate } from "@keel/shared";
import { errors, jsonResponse, scoped, type Operation } from "./operations.ts";
import { idParam, jsonBody } from "./requestParts.ts";

export function connectionPaths(): Record<string, Record<string, Operation>> {
  return {
    "/connections": {
      get: scoped("admin", {
        summary: "Every connection with its sync status, progress and counts",
        responses: { "200": jsonResponse("Every connection, oldest first.", "ConnectionList"), ...errors(401, 403) },
      }),
      post: scoped("admin", {
        summary: "Connect a source (GitHub or PagerDuty) to pull history from; the token is sealed and never answered; the first sync starts at once",
        requestBody: jsonBody(ConnectionCreate),
        responses: { "201": jsonResponse("The connection, never the token.", "Connection"), ...errors(400, 401, 403) },
      }),
    },
    "/connections/{id}": {
      get: scoped("admin", {
        summary: "One connection",
        parameters: [idParam],
        responses: { "200": jsonResponse("The connection.", "Connection"), ...errors(400, 401, 403, 404) },
      }),
      delete: scoped("admin", {
        summary: "Remove a connection and its cursors (the records it brought in stay)",
        parameters: [idParam],
        responses: { "200": jsonResponse("The removed connection's id.", "ConnectionRemoved"), ...errors(400, 401, 403, 404) },
      }),
    },
    "/connections/{id}/sync": {
      post: scoped("admin", {
        summary: "Sync now: the sync runs in the background; follow it with GET /connections/{id}",
        parameters: [idParam],
        responses: { "202": jsonResponse("The connection, with `syncRequested: true`.", "Connection"), ...errors(400, 401, 403, 404) },
      }),
    },
  };
}
