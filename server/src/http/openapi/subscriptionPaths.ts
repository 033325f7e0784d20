// REST v1 subscriptions to the weekly report (api.md "Subscriptions"), as
// server/src/http/rest/subscriptionRoutes.ts serves them: editors' and admins' sessions, admin tokens.
import { SubscriptionCreate } from "@keel/shared";
import { errors, jsonResponse, scoped, type Operation } from "./operations.ts";
import { idParam, jsonBody } from "./requestParts.ts";

const editors = (operation: Operation): Operation => {
  const o = scoped("admin", operation);
  return { ...o, description: `${String(operation.description ?? "")}\n\nNeeds an editor's or admin's session, or a token with the \`admin\` scope.`.trim() };
};

export function subscriptionPaths(): Record<string, Record<string, Operation>> {
  return {
    "/subscriptions": {
      get: editors({
        summary: "Every subscription to the weekly report, each with its last delivery and last alert; Slack webhook URLs redacted",
        responses: { "200": jsonResponse("Every subscription, newest first.", "SubscriptionList"), ...errors(401, 403) },
      }),
      post: editors({
        summary:
          "Subscribe e-mail recipients or a Slack incoming webhook to the weekly report (Monday 08:00 in the organisation's time zone unless `schedule` says otherwise)",
        requestBody: jsonBody(SubscriptionCreate),
        responses: { "201": jsonResponse("The subscription, with its `id`.", "Subscription"), ...errors(400, 401, 403) },
      }),
    },
    "/subscriptions/{id}": {
      delete: editors({
        summary: "Delete a subscription and its delivery log",
        parameters: [idParam],
        responses: { "200": jsonResponse("The deleted subscription's id.", "SubscriptionDeleted"), ...errors(400, 401, 403, 404) },
      }),
    },
    "/subscriptions/{id}/send": {
      post: editors({
        summary: "Send the last full week's report now: queued and answered 202 with the delivery; its outcome is in the delivery log",
        parameters: [idParam],
        responses: { "202": jsonResponse("The queued delivery.", "DeliveryQueued"), ...errors(400, 401, 403, 404) },
      }),
    },
    "/subscriptions/{id}/deliveries": {
      get: editors({
        summary: "A subscription's delivery log, newest first (50)",
        parameters: [idParam],
        responses: { "200": jsonResponse("The subscription's last 50 deliveries, newest first.", "DeliveryLog"), ...errors(400, 401, 403, 404) },
      }),
    },
    "/deliveries": {
      get: editors({
        summary: "Every subscription's delivery log, newest first (50)",
        responses: { "200": jsonResponse("The last 50 deliveries, newest first.", "DeliveryLog"), ...errors(401, 403) },
      }),
    },
  };
}
