import { OrgSettingsUpdate, type OrgSettingsUpdateInput, type RecoveryTimeFromValue } from "@keel/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState, type FormEvent, type ReactNode } from "react";
import { useTRPC } from "../../api/trpc.ts";
import { Field } from "../../components/Field.tsx";
import { Options } from "../../components/Options.tsx";
import { fieldErrors, fractionToPercent, percentToFraction, wholeNumber, type FieldErrors } from "./formErrors.ts";
import { invalidateAllBut } from "./invalidate.ts";
import { SaveStatus } from "./SaveStatus.tsx";

interface OrgSettings {
  timeZone: string;
  thresholdsYear: 2023 | 2024;
  attributionWindowHours: number;
  debtTarget: number;
  recoveryTimeFrom: RecoveryTimeFromValue;
  revertsAsFailures: boolean;
}

type WindowUnit = "hours" | "days";

/** The stored window as the form shows it: whole days in days, anything else in hours. */
function windowField(hours: number): { amount: string; unit: WindowUnit } {
  return hours % 24 === 0 ? { amount: String(hours / 24), unit: "days" } : { amount: String(hours), unit: "hours" };
}

/** Every IANA zone the browser knows, UTC first. */
function timeZoneNames(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return ["UTC", ...[...new Set([...known, current])].filter((z) => z !== "UTC").sort()];
}

/**
 * Time zone, DORA report year, attribution window and debt target: each changes every metric.
 * Read-only (fields disabled, no save) for a role that may not change them.
 */
export function OrgSettingsForm({ settings, readOnly = false }: { settings: OrgSettings; readOnly?: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [timeZone, setTimeZone] = useState(settings.timeZone);
  const [year, setYear] = useState(String(settings.thresholdsYear));
  const initialWindow = windowField(settings.attributionWindowHours);
  const [windowAmount, setWindowAmount] = useState(initialWindow.amount);
  const [windowUnit, setWindowUnit] = useState<WindowUnit>(initialWindow.unit);
  const [debt, setDebt] = useState(fractionToPercent(settings.debtTarget));
  const [recoveryFrom, setRecoveryFrom] = useState<RecoveryTimeFromValue>(settings.recoveryTimeFrom);
  const [reverts, setReverts] = useState(settings.revertsAsFailures);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState<string | null>(null);
  const zones = useMemo(() => timeZoneNames(settings.timeZone), [settings.timeZone]);
  const update = useMutation(
    trpc.settings.update.mutationOptions({
      onSuccess: async (next) => {
        setSaved(`Saved. Weeks now start on Monday in ${next.timeZone}; levels follow the DORA ${next.thresholdsYear} report.`);
        // Every metric depends on these: refresh all but the token list and the catalog.
        await invalidateAllBut(queryClient, ["tokens", "catalog"]);
      },
    }),
  );

  const changes: OrgSettingsUpdateInput = {};
  if (timeZone !== settings.timeZone) changes.timeZone = timeZone;
  if (year !== String(settings.thresholdsYear)) changes.thresholdsYear = Number(year) as 2023 | 2024;
  if (windowAmount.trim() !== initialWindow.amount || windowUnit !== initialWindow.unit) {
    // Sent in the unit shown; the server keeps one window (days read back as hours / 24).
    const amount = wholeNumber(windowAmount) ?? Number.NaN;
    if (windowUnit === "days") changes.attributionWindowDays = amount;
    else changes.attributionWindowHours = amount;
  }
  if (debt.trim() !== fractionToPercent(settings.debtTarget)) changes.debtTarget = percentToFraction(debt) ?? Number.NaN;
  if (recoveryFrom !== settings.recoveryTimeFrom) changes.recoveryTimeFrom = recoveryFrom;
  if (reverts !== settings.revertsAsFailures) changes.revertsAsFailures = reverts;
  const changed = Object.keys(changes).length > 0;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(null);
    const parsed = OrgSettingsUpdate.safeParse(changes);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    update.mutate(parsed.data);
  }

  // Each field's error is found under the setting's name (#debtTarget-error).
  const field = (id: string, name: string, label: string, help: ReactNode) => ({ id, label, help, error: errors[name], errorId: `${name}-error` });
  const windowName = windowUnit === "days" ? "attributionWindowDays" : "attributionWindowHours";

  return (
    <form className="settings-form" onSubmit={submit} aria-labelledby="org-heading" noValidate>
      <fieldset className="settings-fields" disabled={readOnly}>
        <legend className="visually-hidden">Organisation settings</legend>
        <Field {...field("setting-time-zone", "timeZone", "Time zone", "Weeks start on Monday 00:00 here, and dates without a time are read here.")}>
          {(control) => (
            <select {...control} value={timeZone} onChange={(event) => setTimeZone(event.target.value)}>
              <Options values={zones} label={(zone) => zone.replace(/_/g, " ")} />
            </select>
          )}
        </Field>
        <Field {...field("setting-year", "thresholdsYear", "DORA levels", <>Which report&rsquo;s thresholds give the elite, high, medium and low badges.</>)}>
          {(control) => (
            <select {...control} value={year} onChange={(event) => setYear(event.target.value)}>
              <option value="2023">2023 report</option>
              <option value="2024">2024 report</option>
            </select>
          )}
        </Field>
        <Field
          {...field(
            "setting-attribution",
            windowName,
            "Attribution window",
            "How long after a deployment an incident that names no cause counts against it: 1 hour to 90 days.",
          )}
        >
          {(control) => (
            <div className="field-inline">
              <input
                {...control}
                type="number"
                inputMode="numeric"
                min={1}
                max={windowUnit === "days" ? 90 : 2160}
                step={1}
                value={windowAmount}
                onChange={(event) => setWindowAmount(event.target.value)}
              />
              <select
                id="setting-attribution-unit"
                aria-label="Attribution window unit"
                value={windowUnit}
                onChange={(event) => setWindowUnit(event.target.value as WindowUnit)}
              >
                <option value="hours">hours</option>
                <option value="days">days</option>
              </select>
            </div>
          )}
        </Field>
        <Field {...field("setting-debt", "debtTarget", "Debt target (%)", "The share of changes meant for debt work; a team may have its own.")}>
          {(control) => (
            <input {...control} type="number" inputMode="decimal" min={0} max={100} step={1} value={debt} onChange={(event) => setDebt(event.target.value)} />
          )}
        </Field>
        <Field
          {...field(
            "setting-recovery-from",
            "recoveryTimeFrom",
            "Recovery time starts",
            "The DORA 2023 wording measures a change-caused failure from the deployment that caused it; incidents no deployment caused still start when opened.",
          )}
        >
          {(control) => (
            <select {...control} value={recoveryFrom} onChange={(event) => setRecoveryFrom(event.target.value as RecoveryTimeFromValue)}>
              <option value="incidentOpened">when the incident opened</option>
              <option value="deploymentFinished">when the failed deployment finished</option>
            </select>
          )}
        </Field>
        <div className="field">
          <label htmlFor="setting-reverts">
            <input
              id="setting-reverts"
              type="checkbox"
              checked={reverts}
              onChange={(event) => setReverts(event.target.checked)}
              aria-invalid={errors.revertsAsFailures ? true : undefined}
              aria-describedby={errors.revertsAsFailures ? "revertsAsFailures-error" : undefined}
            />{" "}
            Reverts count as change failures
          </label>
          <p className="field-help">A merged revert of a commit marks the deployment that first shipped that commit as failed.</p>
          {errors.revertsAsFailures ? (
            <p className="field-error" id="revertsAsFailures-error">
              {errors.revertsAsFailures}
            </p>
          ) : null}
        </div>
      </fieldset>
      {readOnly ? null : (
        <>
          <div className="form-actions">
            <button type="submit" className="button" disabled={!changed || update.isPending}>
              {update.isPending ? "Saving…" : "Save settings"}
            </button>
            {changed && !update.isPending ? <span className="muted">Unsaved changes</span> : null}
            {errors.form ? <p className="field-error">{errors.form}</p> : null}
          </div>
          <SaveStatus done={changed ? null : saved} error={update.isError ? update.error : null} />
        </>
      )}
    </form>
  );
}
