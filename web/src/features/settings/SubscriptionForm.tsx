import { DEFAULT_ALERT_THRESHOLDS, DEFAULT_SCHEDULE, WEEKDAYS, type SubscriptionCreateInput, type Weekday } from "@keel/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent, type ReactNode } from "react";
import { describeApiError } from "../../api/describeApiError.ts";
import { useTRPC } from "../../api/trpc.ts";
import { serverFieldErrors, type FieldErrors } from "./formErrors.ts";
import { recipientsFrom, scheduleText } from "./subscriptionsText.ts";

/**
 * Adds an e-mail or Slack subscription. The server validates (the shared schema, one rule in one
 * place) and its reasons show beside the field they name.
 */
export function SubscriptionForm({ teams, onCreated }: { teams: readonly { slug: string; name: string }[]; onCreated: (message: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [channel, setChannel] = useState<"email" | "slack">("email");
  const [to, setTo] = useState("");
  const [webhookUrl, setWebhookUrl] = useState("");
  const [team, setTeam] = useState("");
  const [weekday, setWeekday] = useState<Weekday>(DEFAULT_SCHEDULE.weekday);
  const [time, setTime] = useState(DEFAULT_SCHEDULE.time);
  const [alerts, setAlerts] = useState(false);
  // As typed: the rate in percent, the hours per team per week; the server checks them.
  const [cfrPercent, setCfrPercent] = useState(String(DEFAULT_ALERT_THRESHOLDS.changeFailureRate * 100));
  const [hoursLost, setHoursLost] = useState(String(DEFAULT_ALERT_THRESHOLDS.hoursLost));
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation(
    trpc.subscriptions.create.mutationOptions({
      onSuccess: async () => {
        setTo("");
        setWebhookUrl("");
        setErrors({});
        onCreated(`Subscription added: the report goes out ${scheduleText({ weekday, time })}.`);
        await queryClient.invalidateQueries({ queryKey: trpc.subscriptions.pathKey() });
      },
      onError: (e: unknown) => setErrors(serverFieldErrors(e) ?? { form: describeApiError(e) }),
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const typed = (text: string, scale = 1) => (text.trim() === "" ? undefined : Number(text) / scale);
    const alertThresholds = alerts ? { changeFailureRate: typed(cfrPercent, 100), hoursLost: typed(hoursLost) } : undefined;
    const common = { team: team === "" ? undefined : team, schedule: { weekday, time }, alerts, alertThresholds };
    const input: SubscriptionCreateInput =
      channel === "email" ? { channel, to: recipientsFrom(to), ...common } : { channel, webhookUrl: webhookUrl.trim(), ...common };
    create.mutate(input);
  }

  const scheduleError = errors.schedule;
  return (
    <form className="settings-form inline-form" onSubmit={submit} aria-labelledby="new-subscription-heading" noValidate>
      <h3 id="new-subscription-heading">Add a subscription</h3>
      <div className="settings-fields">
        <div className="field">
          <label htmlFor="new-subscription-channel">Channel</label>
          <select id="new-subscription-channel" value={channel} onChange={(e) => setChannel(e.target.value as "email" | "slack")}>
            <option value="email">E-mail</option>
            <option value="slack">Slack</option>
          </select>
        </div>
        {channel === "email" ? (
          <Field id="new-subscription-to" label="Recipients" error={errors.to} help="E-mail addresses, separated by commas.">
            <input
              id="new-subscription-to"
              value={to}
              onChange={(e) => setTo(e.target.value)}
              placeholder="lead@acme.com"
              aria-invalid={Boolean(errors.to)}
              aria-describedby={errors.to ? "new-subscription-to-error" : "new-subscription-to-help"}
            />
          </Field>
        ) : (
          <Field id="new-subscription-webhook" label="Slack webhook URL" error={errors.webhookUrl} help="Kept encrypted; shown redacted from now on.">
            <input
              id="new-subscription-webhook"
              value={webhookUrl}
              onChange={(e) => setWebhookUrl(e.target.value)}
              placeholder="https://hooks.slack.com/services/…"
              autoComplete="off"
              spellCheck={false}
              aria-invalid={Boolean(errors.webhookUrl)}
              aria-describedby={errors.webhookUrl ? "new-subscription-webhook-error" : "new-subscription-webhook-help"}
            />
          </Field>
        )}
        <Field id="new-subscription-team" label="Team" error={errors.team} help="The whole organisation, or one team's report.">
          <select id="new-subscription-team" value={team} onChange={(e) => setTeam(e.target.value)} aria-invalid={Boolean(errors.team)}>
            <option value="">Organisation</option>
            {teams.map((t) => (
              <option key={t.slug} value={t.slug}>
                {t.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="new-subscription-weekday" label="Weekday" error={scheduleError} help="In the organisation's time zone.">
          <select id="new-subscription-weekday" value={weekday} onChange={(e) => setWeekday(e.target.value as Weekday)}>
            {WEEKDAYS.map((d) => (
              <option key={d} value={d}>
                {d.charAt(0).toUpperCase() + d.slice(1)}
              </option>
            ))}
          </select>
        </Field>
        <div className="field">
          <label htmlFor="new-subscription-time">Time</label>
          <input id="new-subscription-time" type="time" value={time} onChange={(e) => setTime(e.target.value)} aria-invalid={Boolean(scheduleError)} />
        </div>
        <div className="field checkbox-field">
          <label>
            <input type="checkbox" checked={alerts} onChange={(e) => setAlerts(e.target.checked)} /> Alerts
          </label>
          <p className="field-help">A message when a goal's status worsens or a team crosses a threshold below; once per change, not while it stays bad.</p>
        </div>
        {alerts ? (
          <>
            <Field id="new-subscription-cfr" label="Change failure rate above (%)" error={errors.alertThresholds} help="A team's rate over the last full week.">
              <input
                id="new-subscription-cfr"
                type="number"
                min={0}
                max={100}
                step="any"
                value={cfrPercent}
                onChange={(e) => setCfrPercent(e.target.value)}
                aria-invalid={Boolean(errors.alertThresholds)}
              />
            </Field>
            <Field
              id="new-subscription-hours"
              label="Hours lost above (h a week)"
              error={undefined}
              help="A team's engineering hours lost in the last full week."
            >
              <input id="new-subscription-hours" type="number" min={0} step="any" value={hoursLost} onChange={(e) => setHoursLost(e.target.value)} />
            </Field>
          </>
        ) : null}
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? "Adding…" : "Add subscription"}
        </button>
        {errors.form ? (
          <p className="field-error" role="alert">
            Not added: {errors.form}
          </p>
        ) : null}
      </div>
    </form>
  );
}

function Field({ id, label, error, help, children }: { id: string; label: string; error: string | undefined; help: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : (
        <p className="field-help" id={`${id}-help`}>
          {help}
        </p>
      )}
    </div>
  );
}
