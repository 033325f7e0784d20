import type { GoalView } from "./useGoals.ts";

/** A goal's status as a word in a coloured badge (the colour only repeats the word). */
export function GoalStatusBadge({ status }: { status: GoalView["status"] }) {
  return (
    <span className={`goal-status goal-status-${status.replace(" ", "-")}`} data-testid="goal-status">
      {status}
    </span>
  );
}
