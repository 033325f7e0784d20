// The goals' procedures (api.md "Goals"): everyone signed in reads them, editors change them;
// every change goes to the audit log. Merged into appRouter (router.ts) by spreading.
import { GoalCreate, GoalRef, GoalUpdate } from "@keel/shared";
import { Goal, GoalDeleted, GoalList } from "@keel/shared/outputs";
import { listGoals } from "../services/goals/listGoals.ts";
import { createGoal, deleteGoal, updateGoal } from "../services/goals/saveGoal.ts";
import { audit, editorProcedure, router, viewerProcedure } from "./init.ts";

export const goalsRouters = {
  goals: router({
    list: viewerProcedure.output(GoalList).query(async ({ ctx }) => ({ goals: await listGoals(ctx.db, { now: new Date() }) })),
    create: editorProcedure
      .input(GoalCreate)
      .output(Goal)
      .mutation(({ ctx, input }) => audit(ctx, { action: "goal.create", target: input.metric, changes: input }, () => createGoal({ db: ctx.db, input }))),
    update: editorProcedure
      .input(GoalUpdate)
      .output(Goal)
      .mutation(({ ctx, input }) =>
        audit(ctx, { action: "goal.update", target: input.id, changes: input.changes }, () => updateGoal({ db: ctx.db, id: input.id, input: input.changes })),
      ),
    delete: editorProcedure
      .input(GoalRef)
      .output(GoalDeleted)
      .mutation(({ ctx, input }) => audit(ctx, { action: "goal.delete", target: input.id, changes: {} }, () => deleteGoal({ db: ctx.db, id: input.id }))),
  }),
};
