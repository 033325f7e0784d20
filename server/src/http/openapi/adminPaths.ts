// REST v1 administration (api.md "Administration"), as server/src/http/rest/adminRoutes.ts serves
// it: users, API tokens and the audit log, for an admin token or an admin's session.
import { AuditQuery, TokenCreate, UserCreate, UserUpdate } from "@keel/shared";
import { jsonSchemaOf } from "./components.ts";
import { errors, jsonResponse, queryParameters, scoped, type Operation } from "./operations.ts";
import { jsonBody } from "./requestParts.ts";

const emailParam = { name: "email", in: "path", required: true, schema: { type: "string" } };

export function adminPaths(): Record<string, Record<string, Operation>> {
  // The e-mail is in the path; the body holds only what changes.
  const update = jsonSchemaOf(UserUpdate, "input") as { properties: Record<string, unknown>; required?: string[] };
  const { email: _email, ...properties } = update.properties;
  return {
    "/users": {
      get: scoped("admin", {
        summary: "Every user, with role and how they sign in",
        responses: { "200": jsonResponse("Every user, disabled ones last.", "UserList"), ...errors(401, 403) },
      }),
      post: scoped("admin", {
        summary: "Create a user (a password is optional: without one, the user signs in with single sign-on)",
        requestBody: jsonBody(UserCreate),
        responses: { "201": jsonResponse("The user, never the password.", "User"), ...errors(400, 401, 403, 409) },
      }),
    },
    "/users/{email}": {
      patch: scoped("admin", {
        summary: "Change a user's name, role, password or disabled flag; a role change, a new password or disabling ends their sessions",
        parameters: [emailParam],
        requestBody: {
          required: true,
          content: { "application/json": { schema: { ...update, properties, required: (update.required ?? []).filter((name) => name !== "email") } } },
        },
        responses: { "200": jsonResponse("The user, with `sessionsEnded`.", "UserUpdated"), ...errors(400, 401, 403, 404, 409) },
      }),
    },
    "/tokens": {
      get: scoped("admin", {
        summary: "Every API token, without its secret",
        responses: { "200": jsonResponse("Every token, active ones first, newest first.", "TokenList"), ...errors(401, 403) },
      }),
      post: scoped("admin", {
        summary: "Create an API token; the answer holds the token, shown only this once",
        requestBody: jsonBody(TokenCreate),
        responses: { "201": jsonResponse("The token, with `token` itself shown only this once.", "TokenCreated"), ...errors(400, 401, 403) },
      }),
    },
    "/tokens/{ref}": {
      delete: scoped("admin", {
        summary: "Revoke a token by id, prefix or name",
        parameters: [{ name: "ref", in: "path", required: true, schema: { type: "string" } }],
        responses: { "200": jsonResponse("The revoked token's id and name.", "TokenRevoked"), ...errors(401, 403, 404, 409) },
      }),
    },
    "/webhooks": {
      get: scoped("admin", {
        summary: "Each webhook: the URL to paste, whether its secret is set, its last delivery, deliveries and failures in the last 24 hours",
        responses: { "200": jsonResponse("Each webhook vendor.", "WebhookStatusList"), ...errors(401, 403) },
      }),
    },
    "/demo": {
      get: scoped("admin", {
        summary: "Whether the demo data set is stored, when it was loaded and when it was removed",
        responses: { "200": jsonResponse("Whether it is stored, when it was loaded and removed.", "DemoStatus"), ...errors(401, 403) },
      }),
      delete: scoped("admin", {
        summary:
          "Remove the demo data set in one transaction, keeping every record the organisation sent (and the demo teams and services they use); a second call removes nothing, and Keel never loads the demo again",
        responses: {
          "200": jsonResponse("How many records of each kind were removed.", "DemoRemoval"),
          ...errors(401, 403),
        },
      }),
    },
    "/audit-log": {
      get: scoped("admin", {
        summary: "Who did what: sign-ins and failures, users, roles, tokens, settings and cost model changes, newest first",
        parameters: queryParameters(jsonSchemaOf(AuditQuery, "input")),
        responses: { "200": jsonResponse("The entries, newest first.", "AuditLog"), ...errors(400, 401, 403) },
      }),
    },
  };
}
