// Form validation with the server's own schemas (shared/src/settings.ts): field messages from a
// failed parse, keyed by the field's name, for display beside each field.

export type FieldErrors = Partial<Record<string, string>>;

/** What fieldErrors reads of a ZodError (the web app reaches zod only through @keel/shared). */
interface Issues {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}

export function fieldErrors(error: Issues): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? String(issue.path[0]) : "form";
    out[key] ??= issue.message;
  }
  return out;
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

/** A percentage typed in a form ("20", "12.5") as a fraction; empty is null; anything else NaN (the schema says why). */
export function percentToFraction(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  return Number(trimmed.replace(",", ".")) / 100;
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
