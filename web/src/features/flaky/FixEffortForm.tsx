// The estimated effort to fix a flaky test, which its fix payback divides by. Saved with
// flaky.setFixEffort; "use the default" hands the test back to the cost model's estimate.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { describeApiError } from "../../api/describeApiError.ts";
import { useTRPC } from "../../api/trpc.ts";
import { formatDecimal } from "@keel/shared/numbers";
import { useCan } from "../auth/useSession.ts";
import { Field } from "../../components/Field.tsx";

interface FixEffortFormProps {
  testId: number;
  hours: number;
  /** True when the hours are the test's own estimate, not the cost model's default. */
  isEstimate: boolean;
}

/** The estimate, and for editors and admins the form that changes it. */
export function FixEffortForm(props: FixEffortFormProps) {
  return useCan("editor") ? <FixEffortEditor {...props} /> : <FixEffortText {...props} />;
}

function effortText({ hours, isEstimate }: FixEffortFormProps): string {
  return isEstimate ? `This test's own estimate: ${formatDecimal(hours, 2)} h.` : `The cost model's default: ${formatDecimal(hours, 2)} h.`;
}

/** What a viewer sees: the estimate, without the form (the server refuses their change anyway). */
function FixEffortText(props: FixEffortFormProps) {
  return (
    <p data-testid="fix-effort-read-only">
      {effortText(props)} The fix payback is this effort divided by the hours the test loses a week. An editor or admin can change the estimate.
    </p>
  );
}

function FixEffortEditor({ testId, hours, isEstimate }: FixEffortFormProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [value, setValue] = useState(String(hours));
  const save = useMutation(
    trpc.flaky.setFixEffort.mutationOptions({
      onSuccess: async () => {
        // Only what a test's effort feeds: the ranking's payback, and the sentences and reports
        // that quote the top tests' payback.
        await Promise.all(
          [trpc.flaky.list.pathKey(), trpc.costs.summaries.pathKey(), trpc.reports.weekly.pathKey()].map((queryKey) =>
            queryClient.invalidateQueries({ queryKey }),
          ),
        );
      },
    }),
  );
  const parsed = Number(value);
  const valid = value.trim() !== "" && Number.isFinite(parsed) && parsed > 0 && parsed <= 10_000;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (valid) save.mutate({ testId, hours: parsed });
  }

  return (
    <form className="fix-effort" onSubmit={submit} aria-describedby={`fix-effort-help-${testId}`}>
      <Field id={`fix-effort-${testId}`} label="Estimated fix effort (hours)">
        {(control) => (
          <input
            {...control}
            type="number"
            inputMode="decimal"
            min={0.25}
            max={10000}
            step={0.25}
            value={value}
            aria-invalid={!valid}
            onChange={(event) => setValue(event.target.value)}
          />
        )}
      </Field>
      <div className="filter-actions">
        <button type="submit" className="button" disabled={!valid || save.isPending}>
          {save.isPending ? "Saving…" : "Save estimate"}
        </button>
        {isEstimate ? (
          <button type="button" className="button button-quiet" disabled={save.isPending} onClick={() => save.mutate({ testId, hours: null })}>
            Use the cost model's default
          </button>
        ) : null}
      </div>
      <p id={`fix-effort-help-${testId}`} className="field-help">
        {effortText({ testId, hours, isEstimate })} The fix payback is this effort divided by the hours the test loses a week.
      </p>
      <p role="status" className="field-help">
        {save.isError ? <span className="error-text">Not saved: {describeApiError(save.error)}</span> : save.isSuccess ? "Saved. The payback is updated." : ""}
      </p>
    </form>
  );
}
