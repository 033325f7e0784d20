// The audit log in words: who did it, and what changed as "key: value, …".

const VALUE_MAX_LENGTH = 80;

/** "user:ana@example.com" → "ana@example.com", "token:ci" → "API token ci"; anything else as stored. */
export function actorText(actor: string): string {
  if (actor.startsWith("user:")) return actor.slice("user:".length);
  if (actor.startsWith("token:")) return `API token ${actor.slice("token:".length)}`;
  return actor;
}

function valueText(value: unknown): string {
  if (value === null || value === undefined) return "none";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value)) return `[${value.map(valueText).join(", ")}]`;
  if (typeof value === "object") return JSON.stringify(value);
  const text = String(value);
  return text.length > VALUE_MAX_LENGTH ? `${text.slice(0, VALUE_MAX_LENGTH - 1)}…` : text;
}

/** Nested objects flattened to dotted keys: { inputs: { hourlyCost: 90 } } → ["inputs.hourlyCost", 90]. */
function entriesOf(changes: Record<string, unknown>, prefix = ""): [string, unknown][] {
  return Object.entries(changes).flatMap(([key, value]): [string, unknown][] =>
    value !== null && typeof value === "object" && !Array.isArray(value)
      ? entriesOf(value as Record<string, unknown>, `${prefix}${key}.`)
      : [[`${prefix}${key}`, value]],
  );
}

/**
 * "role: editor, disabled: yes". A field whose value is the target itself (the e-mail of the user
 * changed, the slug of the team) is left out: the target column already says it. Empty: "".
 */
export function changesText(changes: Record<string, unknown>, target?: string): string {
  return entriesOf(changes)
    .filter(([, value]) => target === undefined || value !== target)
    .map(([key, value]) => `${key}: ${valueText(value)}`)
    .join(", ");
}
