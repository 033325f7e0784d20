// Form validation with the server's own schemas (shared/src/settings.ts): field messages from a
// failed parse (or the server's refusal), keyed by the field's name, for display beside each field.
import { apiErrorDetails } from "../../api/describeApiError.ts";

export type FieldErrors = Partial<Record<string, string>>;

/** What fieldErrors reads of a ZodError (the web app reaches zod only through @keel/shared). */
interface Issues {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}

/**
 * One message per field. `under` names an object whose own fields are the form's fields (the cost
 * model's `inputs`): its issues are keyed by the field inside it.
 */
export function fieldErrors(error: Issues, under?: string): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const path = under !== undefined && issue.path[0] === under && issue.path.length > 1 ? issue.path.slice(1) : issue.path;
    const key = path.length > 0 ? String(path[0]) : "form";
    out[key] ??= issue.message;
  }
  return out;
}

/** The server's reasons for refusing a form, keyed like fieldErrors; null when it gave none. */
export function serverFieldErrors(error: unknown, under?: string): FieldErrors | null {
  const details = apiErrorDetails(error);
  if (!details || details.length === 0) return null;
  return fieldErrors({ issues: details.map((d) => ({ path: d.path ? d.path.split(".") : [], message: d.message })) }, under);
}

/** "Payments & Billing" → "payments-billing": a slug suggestion for a new team. */
export function slugFrom(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
}

/** A number typed in a form ("0.5", "0,5"); empty is null; anything else NaN (the schema says why). */
export function decimalNumber(text: string): number | null {
  const trimmed = text.trim();
  return trimmed === "" ? null : Number(trimmed.replace(",", "."));
}

/** A percentage typed in a form ("20", "12.5") as a fraction; empty is null; anything else NaN (the schema says why). */
export function percentToFraction(text: string): number | null {
  const n = decimalNumber(text);
  return n === null ? null : n / 100;
}

/** A whole number typed in a form; empty is null; anything else NaN. */
export function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  return trimmed === "" ? null : Number(trimmed);
}

/** 0.2 → "20" (for a percentage field). */
export function fractionToPercent(fraction: number | null | undefined): string {
  return fraction === null || fraction === undefined ? "" : String(Math.round(fraction * 1000) / 10);
}
