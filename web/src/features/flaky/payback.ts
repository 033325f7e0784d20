import { formatWeeks } from "@keel/shared/numbers";
import type { FlakyState } from "./flakySort.ts";

/** A test's fix payback as a cell reads: "1.1 weeks", "fixed", or "no loss" when it costs no hours. */
export function paybackText(t: { paybackWeeks: number | null; state: FlakyState; hoursLost: number }): string {
  if (t.paybackWeeks !== null) return formatWeeks(t.paybackWeeks);
  if (t.state === "fixed") return "fixed";
  // No hours lost (its failures were all retried inside the run): nothing to pay back.
  return t.hoursLost === 0 ? "no loss" : "–";
}
