import { createHash } from "node:crypto";
import type { AnyEventData } from "@keel/shared";

/**
 * JSON with sorted keys, so the same event always hashes the same way. Stored dedupe keys depend
 * on this exact text: any rewrite must produce the same bytes (keys sorted by UTF-16 code unit,
 * undefined properties left out). Written as plain loops: it runs for every ingested event.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = "[";
    // An undefined element is written as nothing, as Array.prototype.join does.
    for (let i = 0; i < value.length; i++) out += (i ? "," : "") + (value[i] === undefined ? "" : canonicalJson(value[i]));
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = "{";
  for (const key of Object.keys(record).sort()) {
    const child = record[key];
    if (child === undefined) continue;
    out += `${out.length > 1 ? "," : ""}${JSON.stringify(key)}:${canonicalJson(child)}`;
  }
  return `${out}}`;
}

export function eventId(event: AnyEventData): string {
  return event.type === "change" ? `${event.repository ?? ""}@${event.sha}` : event.id;
}

/** "<type>:<id>": the event a version belongs to (EventState's key). */
export function eventStateKey(event: AnyEventData): string {
  return `${event.type}:${eventId(event)}`;
}

/** The hash of one version of an event's payload. */
export function eventHash(event: AnyEventData): string {
  return createHash("sha256").update(canonicalJson(event)).digest("hex").slice(0, 32);
}

/** The raw event's dedupe key: the event and the hash of this version of it. */
export function eventDedupeKey(event: AnyEventData): string {
  return `${eventStateKey(event)}:${eventHash(event)}`;
}
