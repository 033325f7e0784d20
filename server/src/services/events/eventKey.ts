import { createHash } from "node:crypto";
import type { AnyEventData } from "@keel/shared";

/** JSON with sorted keys, so the same event always hashes the same way. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function eventId(event: AnyEventData): string {
  return event.type === "change" ? `${event.repository ?? ""}@${event.sha}` : event.id;
}

/** The raw event's dedupe key: resending an identical event is a no-op, a changed one an update. */
export function eventDedupeKey(event: AnyEventData): string {
  const hash = createHash("sha256").update(canonicalJson(event)).digest("hex").slice(0, 32);
  return `${event.type}:${eventId(event)}:${hash}`;
}
