import { DEFAULT_ALERT_THRESHOLDS, DEFAULT_SCHEDULE, WEEKDAYS, type SubscriptionCreateInput, type Weekday } from "@keel/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { describeApiError } from "../../api/describeApiError.ts";
import { useTRPC } from "../../api/trpc.ts";
import { Field } from "../../components/Field.tsx";
import { SubmitRow } from "../../components/SubmitRow.tsx";
import { Options } from "../../components/Options.tsx";
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
  // The server's reasons take the help's place under each field.
  const field = (name: string, label: string, help: string | undefined, error: string | undefined) => ({
    id: `new-subscription-${name}`,
    label,
    help,
    error,
    errorReplacesHelp: true,
  });
  return (
    <form className="settings-form inline-form" onSubmit={submit} aria-labelledby="new-subscription-heading" noValidate>
      <h3 id="new-subscription-heading">Add a subscription</h3>
      <div className="settings-fields">
        <Field {...field("channel", "Channel", undefined, undefined)}>
          {(control) => (
            <select {...control} value={channel} onChange={(e) => setChannel(e.target.value as "email" | "slack")}>
              <option value="email">E-mail</option>
              <option value="slack">Slack</option>
            </select>
          )}
        </Field>
        {channel === "email" ? (
          <Field {...field("to", "Recipients", "E-mail addresses, separated by commas.", errors.to)}>
            {(control) => <input {...control} value={to} onChange={(e) => setTo(e.target.value)} placeholder="lead@acme.com" />}
          </Field>
        ) : (
          <Field {...field("webhook", "Slack webhook URL", "Kept encrypted; shown redacted from now on.", errors.webhookUrl)}>
            {(control) => (
              <input
                {...control}
                value={webhookUrl}
                onChange={(e) => setWebhookUrl(e.target.value)}
                placeholder="https://hooks.slack.com/services/…"
                autoComplete="off"
                spellCheck={false}
              />
            )}
          </Field>
        )}
        <Field {...field("team", "Team", "The whole organisation, or one team's report.", errors.team)}>
          {(control) => (
            <select {...control} value={team} onChange={(e) => setTeam(e.target.value)}>
              <option value="">Organisation</option>
              <Options values={teams} value={(t) => t.slug} label={(t) => t.name} />
            </select>
          )}
        </Field>
        <Field {...field("weekday", "Weekday", "In the organisation's time zone.", scheduleError)}>
          {(control) => (
            <select {...control} value={weekday} onChange={(e) => setWeekday(e.target.value as Weekday)}>
              <Options values={WEEKDAYS} label={(d) => d.charAt(0).toUpperCase() + d.slice(1)} />
            </select>
          )}
        </Field>
        {/* The schedule's reason is said under the weekday; the time is marked with it. */}
        <Field {...field("time", "Time", undefined, undefined)}>
          {(control) => (
            <input {...control} type="time" value={time} onChange={(e) => setTime(e.target.value)} aria-invalid={scheduleError ? true : undefined} />
          )}
        </Field>
        <div className="field checkbox-field">
          <label>
            <input type="checkbox" checked={alerts} onChange={(e) => setAlerts(e.target.checked)} /> Alerts
          </label>
          <p className="field-help">A message when a goal's status worsens or a team crosses a threshold below; once per change, not while it stays bad.</p>
        </div>
        {alerts ? (
          <>
            <Field {...field("cfr", "Change failure rate above (%)", "A team's rate over the last full week.", errors.alertThresholds)}>
              {(control) => (
                <input {...control} type="number" min={0} max={100} step="any" value={cfrPercent} onChange={(e) => setCfrPercent(e.target.value)} />
              )}
            </Field>
            <Field {...field("hours", "Hours lost above (h a week)", "A team's engineering hours lost in the last full week.", undefined)}>
              {(control) => <input {...control} type="number" min={0} step="any" value={hoursLost} onChange={(e) => setHoursLost(e.target.value)} />}
            </Field>
          </>
        ) : null}
      </div>
      <SubmitRow label="Add subscription" busyLabel="Adding…" sending={create} refused="Not added" refusal={errors.form ?? null} />
    </form>
  );
}
