// REST v1 goals (api.md "Goals"): reading needs the read scope (or a
// session); changes need the editor role (an editor's or admin's session, or an admin token) and
// go to the audit log, as through the web app (trpc/goalsRouter.ts). Mounted at /api/v1.
import { GoalCreate, GoalId, GoalPatch } from "@keel/shared";
import express, { Router } from "express";
import type { Db } from "../../db/client.ts";
import { auditedChange } from "./auditedChange.ts";
import { listGoals } from "../../services/goals/listGoals.ts";
import { createGoal, deleteGoal, updateGoal } from "../../services/goals/saveGoal.ts";
import { requireRole, requireScope } from "../auth.ts";
import { parseOrThrow } from "../validate.ts";

export function goalRoutes(db: Db): Router {
  const router = Router();
  const json = express.json({ limit: "16kb", type: () => true });
  const change = auditedChange(db);

  router.get("/goals", requireScope("read"), async (_req, res) => {
    res.json({ goals: await listGoals(db, { now: new Date() }) });
  });
  router.post("/goals", requireRole("editor"), json, async (req, res) => {
    const input = parseOrThrow(GoalCreate, req.body);
    const goal = await change(req, { action: "goal.create", target: input.metric, changes: input }, () => createGoal({ db, input }));
    res.status(201).json(goal);
  });
  // PUT replaces the goal: fields left out (team, service, title) become none.
  router.put("/goals/:id", requireRole("editor"), json, async (req, res) => {
    const id = parseOrThrow(GoalId, req.params.id, ["id"]);
    const whole = parseOrThrow(GoalCreate, req.body);
    const input = { ...whole, team: whole.team ?? null, service: whole.service ?? null, title: whole.title ?? null };
    res.json(await change(req, { action: "goal.update", target: id, changes: input }, () => updateGoal({ db, id, input })));
  });
  router.patch("/goals/:id", requireRole("editor"), json, async (req, res) => {
    const id = parseOrThrow(GoalId, req.params.id, ["id"]);
    const input = parseOrThrow(GoalPatch, req.body);
    res.json(await change(req, { action: "goal.update", target: id, changes: input }, () => updateGoal({ db, id, input })));
  });
  router.delete("/goals/:id", requireRole("editor"), async (req, res) => {
    const id = parseOrThrow(GoalId, req.params.id, ["id"]);
    res.json(await change(req, { action: "goal.delete", target: id, changes: {} }, () => deleteGoal({ db, id })));
  });
  return router;
}
