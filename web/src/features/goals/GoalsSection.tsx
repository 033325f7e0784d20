// The Overview's Goals: every goal with its current value, target, date and status; editors
// create, edit and delete them (viewers read). The server validates; its reasons show by the field.
import { GOAL_METRIC_NAMES, GOAL_METRICS, formatGoalValue, type GoalMetricValue } from "@keel/shared/goalMetrics";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { describeApiError } from "../../api/describeApiError.ts";
import { useTRPC } from "../../api/trpc.ts";
import { ACTIONS_HEADER, SettingsTable } from "../../components/SettingsTable.tsx";
import { useCan } from "../auth/useSession.ts";
import { useCatalog } from "../org/useOrgSettings.ts";
import { decimalNumber, fractionToPercent, percentToFraction, serverFieldErrors, type FieldErrors } from "../settings/formErrors.ts";
import { GoalStatusBadge } from "./GoalStatusBadge.tsx";
import { goalScopeText, goalTargetText } from "./goalText.ts";
import { useGoals, type GoalView } from "./useGoals.ts";
import "./goals.css";

export function GoalsSection() {
  const goals = useGoals();
  const canEdit = useCan("editor");
  const [editing, setEditing] = useState<GoalView | "new" | null>(null);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remove = useMutation(trpc.goals.delete.mutationOptions({ onSuccess: () => queryClient.invalidateQueries() }));
  const list = goals.data?.goals ?? [];
  return (
    <section className="goals-section panel" aria-labelledby="goals-heading" data-testid="goals">
      <h2 id="goals-heading">Goals</h2>
      <p className="muted">Current values over the last 4 full weeks; status against a straight line from each goal’s baseline to its target.</p>
      {goals.isError ? <p role="alert">The goals could not be loaded: {describeApiError(goals.error)}</p> : null}
      {list.length === 0 && goals.data ? <p className="muted">No goals yet.{canEdit ? " Add one below." : ""}</p> : null}
      {list.length > 0 ? (
        <SettingsTable
          testId="goals-table"
          headers={[
            "Goal",
            "Scope",
            { key: "current", label: "Current", className: "numeric" },
            { key: "target", label: "Target", className: "numeric" },
            "By",
            "Status",
            canEdit ? ACTIONS_HEADER : null,
          ]}
          rows={list}
          row={(g) => (
            <tr key={g.id} data-goal={g.id}>
              <th scope="row">
                {g.title}
                <div className="muted">{g.metricLabel}</div>
              </th>
              <td>{goalScopeText(g)}</td>
              <td className="numeric">{formatGoalValue(g.metric, g.current)}</td>
              <td className="numeric">{goalTargetText(g)}</td>
              <td>{g.by}</td>
              <td>
                <GoalStatusBadge status={g.status} />
              </td>
              {canEdit ? (
                <td className="actions">
                  <button type="button" className="button button-quiet button-small" onClick={() => setEditing(g)} aria-label={`Edit ${g.title}`}>
                    Edit
                  </button>{" "}
                  <button
                    type="button"
                    className="button button-quiet button-small"
                    onClick={() => remove.mutate({ id: g.id })}
                    aria-label={`Delete ${g.title}`}
                  >
                    Delete
                  </button>
                </td>
              ) : null}
            </tr>
          )}
        />
      ) : null}
      {remove.isError ? <p role="alert">The goal could not be deleted: {describeApiError(remove.error)}</p> : null}
      {canEdit && editing === null ? (
        <button type="button" className="button" onClick={() => setEditing("new")}>
          Add a goal
        </button>
      ) : null}
      {canEdit && editing !== null ? (
        <GoalForm key={editing === "new" ? "new" : editing.id} goal={editing === "new" ? null : editing} onDone={() => setEditing(null)} />
      ) : null}
    </section>
  );
}

const isShare = (m: GoalMetricValue) => GOAL_METRICS[m].unit === "share";

function GoalForm({ goal, onDone }: { goal: GoalView | null; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const catalog = useCatalog().data;
  const [metric, setMetric] = useState<GoalMetricValue>(goal?.metric ?? "changeFailureRate");
  const [target, setTarget] = useState(goal ? (isShare(goal.metric) ? fractionToPercent(goal.target) : String(goal.target)) : "");
  const [by, setBy] = useState(goal?.by ?? "");
  const [scope, setScope] = useState(goal?.team ? `team:${goal.team}` : goal?.service ? `service:${goal.service}` : "");
  const [title, setTitle] = useState(goal?.titleGiven ? goal.title : "");
  const [errors, setErrors] = useState<FieldErrors>({});
  const options = {
    onSuccess: () => queryClient.invalidateQueries().then(onDone),
    onError: (e: unknown) => setErrors(serverFieldErrors(e) ?? { form: describeApiError(e) }),
  };
  const create = useMutation(trpc.goals.create.mutationOptions(options));
  const update = useMutation(trpc.goals.update.mutationOptions(options));
  const unit = GOAL_METRICS[metric].unit;

  function submit(event: FormEvent) {
    event.preventDefault();
    const value = isShare(metric) ? percentToFraction(target) : decimalNumber(target);
    const fields = {
      metric,
      target: value ?? Number.NaN,
      by,
      team: scope.startsWith("team:") ? scope.slice(5) : null,
      service: scope.startsWith("service:") ? scope.slice(8) : null,
      title: title.trim() === "" ? null : title.trim(),
    };
    setErrors({});
    if (goal) update.mutate({ id: goal.id, changes: fields });
    else create.mutate(fields);
  }

  const error = (field: string) =>
    errors[field] ? (
      <span className="field-error" role="alert">
        {errors[field]}
      </span>
    ) : null;
  return (
    <form className="goal-form" onSubmit={submit} aria-label={goal ? `Edit ${goal.title}` : "New goal"} noValidate>
      <label>
        Metric
        <select value={metric} onChange={(e) => setMetric(e.target.value as GoalMetricValue)} name="metric">
          {GOAL_METRIC_NAMES.map((m) => (
            <option key={m} value={m}>
              {GOAL_METRICS[m].label}
            </option>
          ))}
        </select>
        {error("metric")}
      </label>
      <label>
        Target ({GOAL_METRICS[metric].better === "lower" ? "at most" : "at least"}, {unit === "share" ? "%" : unit})
        <input name="target" inputMode="decimal" value={target} onChange={(e) => setTarget(e.target.value)} size={8} />
        {error("target")}
      </label>
      <label>
        By
        <input name="by" type="date" value={by} onChange={(e) => setBy(e.target.value)} />
        {error("by")}
      </label>
      <label>
        Scope
        <select name="scope" value={scope} onChange={(e) => setScope(e.target.value)}>
          <option value="">Organisation</option>
          {catalog?.teams.map((t) => (
            <option key={t.slug} value={`team:${t.slug}`}>
              Team {t.name}
            </option>
          ))}
          {catalog?.services.map((s) => (
            <option key={s.slug} value={`service:${s.slug}`}>
              Service {s.slug}
            </option>
          ))}
        </select>
        {error("team") ?? error("service")}
      </label>
      <label>
        Title (optional)
        <input name="title" value={title} onChange={(e) => setTitle(e.target.value)} size={28} />
        {error("title")}
      </label>
      <button type="submit" className="button" disabled={create.isPending || update.isPending}>
        {goal ? "Save goal" : "Create goal"}
      </button>
      <button type="button" className="button button-quiet" onClick={onDone}>
        Cancel
      </button>
      {error("form")}
    </form>
  );
}
