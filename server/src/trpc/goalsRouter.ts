// The goals' procedures (api.md "Goals"): everyone signed in reads them, editors change them;
// every change goes to the audit log. Merged into appRouter (router.ts) by spreading.
import { GoalCreate, GoalRef, GoalUpdate, type GoalPatchData } from "@keel/shared";
import { Goal, GoalDeleted, GoalList } from "@keel/shared/outputs";
import { listGoals } from "../services/goals/listGoals.ts";
import { createGoal, deleteGoal, updateGoal } from "../services/goals/saveGoal.ts";
import { auditedById, byId, editorChange, type Change } from "./changing.ts";
import { router, viewerProcedure } from "./init.ts";

/** updateGoal takes the goal's id and its changes apart. */
const updateGoalById = ({ db, input }: Change<{ id: string; changes: GoalPatchData }>) => updateGoal({ db, id: input.id, input: input.changes });

export const goalsRouters = {
  goals: router({
    list: viewerProcedure.output(GoalList).query(async ({ ctx }) => ({ goals: await listGoals(ctx.db, { now: new Date() }) })),
    create: editorChange(GoalCreate, Goal, (goal) => ({ action: "goal.create", target: goal.metric }), createGoal),
    update: editorChange(GoalUpdate, Goal, (goal) => ({ action: "goal.update", target: goal.id, changes: goal.changes }), updateGoalById),
    delete: editorChange(GoalRef, GoalDeleted, auditedById("goal.delete"), byId(deleteGoal)),
  }),
};
