// Creates, changes and deletes goals (api.md "Goals"). The baseline is the metric's value over
// the goal window when the goal starts, stored so it does not drift; changing a goal's metric or
// scope starts it again (new baseline, the line starts now), changing its target, date or title
// keeps both. Every check runs before anything is written, so a refused request stores nothing.
import { targetInRange, targetRangeText, type GoalCreateData, type GoalMetricValue, type GoalPatchData } from "@keel/shared";
import type { Db } from "../../db/client.ts";
import { KeelError, type ErrorDetail } from "../../errors.ts";
import { goalWindow } from "../../metrics/goalWindow.ts";
import { getOrgSettings } from "../getOrgSettings.ts";
import { unknownNames } from "../scope/unknownNames.ts";
import { scopeValues } from "./currentValues.ts";
import { goalSelect, viewsOf, type GoalView } from "./listGoals.ts";
import { localDate } from "@keel/shared/calendar";

function invalid(details: ErrorDetail[]): KeelError {
  return new KeelError("VALIDATION_FAILED", `Invalid request: ${details.map((d) => d.path).join(", ")}.`, details);
}

/** Team and service ids for slugs; a slug that names nothing is a 400 naming the field. */
async function goalScopeIds(db: Db, team: string | null, service: string | null) {
  const [t, s] = await Promise.all([
    team ? db.team.findUnique({ where: { slug: team }, select: { id: true } }) : null,
    service ? db.service.findUnique({ where: { slug: service }, select: { id: true } }) : null,
  ]);
  const unknownTeam = team && !t ? team : undefined;
  const unknownService = service && !s ? service : undefined;
  if (unknownTeam !== undefined || unknownService !== undefined) throw unknownNames({ team: unknownTeam, service: unknownService });
  return { teamId: t?.id ?? null, serviceId: s?.id ?? null };
}

function checkBy(by: string, now: Date, timeZone: string) {
  const today = localDate(now, timeZone);
  if (by <= today) throw invalid([{ path: "by", message: `must be after today (${today} in ${timeZone})` }]);
}

async function baselineOf(db: Db, metric: GoalMetricValue, team: string | null, service: string | null, now: Date, timeZone: string) {
  const values = await scopeValues({ db, scope: { team, service }, metrics: [metric], window: goalWindow(now, timeZone), now });
  return values.get(metric) ?? null;
}

async function viewOf(db: Db, id: string, now: Date, timeZone: string): Promise<GoalView> {
  const row = await db.goal.findUniqueOrThrow({ where: { id }, select: goalSelect });
  const [view] = await viewsOf(db, [row], now, timeZone);
  if (!view) throw new Error("a goal without a view");
  return view;
}

export async function createGoal({ db, input, now = new Date() }: { db: Db; input: GoalCreateData; now?: Date }): Promise<GoalView> {
  const { timeZone } = await getOrgSettings({ db });
  checkBy(input.by, now, timeZone);
  const team = input.team ?? null;
  const service = input.service ?? null;
  const ids = await goalScopeIds(db, team, service);
  const baseline = await baselineOf(db, input.metric, team, service, now, timeZone);
  const row = await db.goal.create({
    data: { title: input.title ?? null, metric: input.metric, target: input.target, by: new Date(`${input.by}T00:00:00Z`), baseline, startedAt: now, ...ids },
    select: { id: true },
  });
  return viewOf(db, row.id, now, timeZone);
}

async function existing(db: Db, id: string) {
  const goal = await db.goal.findUnique({ where: { id }, select: goalSelect });
  if (!goal) throw new KeelError("NOT_FOUND", `No goal with the id "${id}".`);
  return goal;
}

/** PATCH: only the fields given change. PUT sends them all (absent team, service, title: none). */
export async function updateGoal({ db, id, input, now = new Date() }: { db: Db; id: string; input: GoalPatchData; now?: Date }): Promise<GoalView> {
  const { timeZone } = await getOrgSettings({ db });
  const goal = await existing(db, id);
  const metric = input.metric ?? (goal.metric as GoalMetricValue);
  const target = input.target ?? goal.target;
  if (!targetInRange(metric, target)) throw invalid([{ path: "target", message: `${targetRangeText(metric)} for ${metric}` }]);
  if (input.by !== undefined) checkBy(input.by, now, timeZone);
  const team = input.team !== undefined ? input.team : (goal.team?.slug ?? null);
  const service = input.service !== undefined ? input.service : (goal.service?.slug ?? null);
  if (team && service) throw invalid([{ path: "service", message: "give a team or a service, not both" }]);
  const ids = await goalScopeIds(db, team, service);
  const restarts = metric !== goal.metric || team !== (goal.team?.slug ?? null) || service !== (goal.service?.slug ?? null);
  const restart = restarts ? { baseline: await baselineOf(db, metric, team, service, now, timeZone), startedAt: now } : {};
  await db.goal.update({
    where: { id },
    data: {
      metric,
      target,
      ...(input.by !== undefined ? { by: new Date(`${input.by}T00:00:00Z`) } : {}),
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...ids,
      ...restart,
    },
  });
  return viewOf(db, id, now, timeZone);
}

export async function deleteGoal({ db, id }: { db: Db; id: string }): Promise<{ id: string; deleted: true }> {
  const { count } = await db.goal.deleteMany({ where: { id } });
  if (count === 0) throw new KeelError("NOT_FOUND", `No goal with the id "${id}".`);
  return { id, deleted: true };
}
