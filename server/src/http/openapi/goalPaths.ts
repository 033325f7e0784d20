// REST v1 goals (api.md "Goals"), as server/src/http/rest/goalRoutes.ts serves them: read with the
// read scope; changes with the editor role (an editor's or admin's session, or an admin token).
import { GoalCreate, GoalPatch } from "@keel/shared";
import { errors, jsonResponse, scoped, type Operation } from "./operations.ts";
import { idParam, jsonBody } from "./requestParts.ts";

const editor = (operation: Operation): Operation => ({
  ...operation,
  security: [{ bearerAuth: [] }],
  description: "Needs the editor role: an editor's or admin's session, or an admin token. Recorded in the audit log.",
});

export function goalPaths(): Record<string, Record<string, Operation>> {
  return {
    "/goals": {
      get: scoped("read", {
        summary: "Every goal with its current value (the last 4 full weeks), baseline and status (met, on track, at risk, off track, no data)",
        responses: { "200": jsonResponse("Every goal.", "GoalList"), ...errors(401, 403) },
      }),
      post: editor({
        summary: "Create a goal: a target for one metric by a date, for the organisation, a team or a service",
        requestBody: jsonBody(GoalCreate),
        responses: { "201": jsonResponse("The goal, with its baseline and status.", "Goal"), ...errors(400, 401, 403) },
      }),
    },
    "/goals/{id}": {
      put: editor({
        summary: "Replace a goal (team, service and title left out become none); a new metric or scope starts it again",
        parameters: [idParam],
        requestBody: jsonBody(GoalCreate),
        responses: { "200": jsonResponse("The goal.", "Goal"), ...errors(400, 401, 403, 404) },
      }),
      patch: editor({
        summary: "Change some of a goal's fields; a new metric or scope starts it again (new baseline)",
        parameters: [idParam],
        requestBody: jsonBody(GoalPatch),
        responses: { "200": jsonResponse("The goal.", "Goal"), ...errors(400, 401, 403, 404) },
      }),
      delete: editor({
        summary: "Delete a goal",
        parameters: [idParam],
        responses: { "200": jsonResponse("The goal's id.", "GoalDeleted"), ...errors(400, 401, 403, 404) },
      }),
    },
  };
}
