// Evaluates the alert conditions of every subscription that asks for alerts (docs/digest.md
// "Alerts"), in each scheduler pass: the goals in the subscription's scope and each team's change
// failure rate and hours lost over the last full week, against the subscription's thresholds.
// A change of state is stored and, when it is for the worse, queued as an "alert" delivery in the
// same transaction (db/queries/alertStates.ts); the scheduler's delivery loop sends it with the
// weekly report's retries. The figures come from the cached metric services, read once per pass.
import type { Db } from "../../db/client.ts";
import { changeAlertState, forgetOtherStates } from "../../db/queries/alertStates.ts";
import { alertMessage } from "../../digest/alertMessage.ts";
import type { Subscription } from "../../generated/prisma/client.ts";
import { lastFullWeek } from "../../jobs/schedule.ts";
import { decide, goalCondition, teamConditions, type AlertCondition } from "../../metrics/alertConditions.ts";
import { getOrgSettings } from "../getOrgSettings.ts";
import { listGoals } from "../goals/listGoals.ts";
import { teamWeekFigures } from "./teamWeekFigures.ts";

export async function evaluateAlerts({ db, now, publicUrl }: { db: Db; now: Date; publicUrl?: string | undefined }): Promise<{ queued: number }> {
  const subscriptions = await db.subscription.findMany({ where: { alerts: true }, orderBy: { createdAt: "asc" } });
  if (subscriptions.length === 0) return { queued: 0 };
  const { timeZone } = await getOrgSettings({ db });
  const week = lastFullWeek(now, timeZone);
  const teams = await teamWeekFigures(db, week, now);
  const goalsByScope = new Map<string, ReturnType<typeof goalCondition>[]>();
  let queued = 0;
  for (const s of subscriptions) {
    const scope = s.team ?? "";
    if (!goalsByScope.has(scope)) goalsByScope.set(scope, (await listGoals(db, { now, team: s.team ?? undefined })).map(goalCondition));
    const conditions = [
      ...(goalsByScope.get(scope) ?? []),
      ...teams
        .filter((t) => s.team === null || t.team === s.team)
        .flatMap((t) => teamConditions(t, { changeFailureRate: s.alertChangeFailureRate, hoursLost: s.alertHoursLost })),
    ];
    queued += await applyConditions(db, s, conditions, { now, week, publicUrl });
  }
  return { queued };
}

async function applyConditions(
  db: Db,
  s: Subscription,
  conditions: AlertCondition[],
  { now, week, publicUrl }: { now: Date; week: string; publicUrl?: string | undefined },
): Promise<number> {
  const last = new Map((await db.alertState.findMany({ where: { subscriptionId: s.id } })).map((r) => [r.key, r.state]));
  let queued = 0;
  for (const c of conditions) {
    const previous = last.get(c.key);
    const { store, alert } = decide(c.kind, previous, c.state);
    if (!store || c.state === null) continue;
    const message = alert ? alertMessage(c, publicUrl) : null;
    const raised = await changeAlertState(db, {
      subscriptionId: s.id,
      key: c.key,
      previous,
      state: c.state,
      at: now,
      alert: message ? { message, week } : null,
    });
    if (raised) queued += 1;
  }
  await forgetOtherStates(
    db,
    s.id,
    conditions.map((c) => c.key),
  );
  return queued;
}
