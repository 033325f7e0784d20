// `keel import file.json|file.csv [--dry-run]`: backfills events. Everything is validated locally
// with the shared schemas first and every error printed with its row or path; nothing is sent
// unless the whole file is valid. Then batches of up to 1,000 events go to POST /api/v1/events.
// Each batch is atomic and resending is harmless (identical events count as unchanged), so a
// failed import can simply be run again.
import { countOf, formatCount } from "@keel/shared/numbers";
import { parseArgs } from "node:util";
import { AnyEvent, IngestResult, issueDetails, type IngestResultData } from "@keel/shared";
import { callKeel, connectionFrom, connectionOptions } from "./connection.ts";
import { CliFailure, UsageError } from "./errors.ts";
import { csvHelp, readEventFile, type FileEvent } from "./eventFile.ts";

export const BATCH_EVENTS = 1_000;
/** Under the server's 10 MB request limit with room to spare. */
const BATCH_BYTES = 9 * 1024 * 1024;

export const importUsage = `keel import FILE.json|FILE.csv [--dry-run]
    backfill events. JSON: { "events": [...] } or an array, each event with a "type".
    ${csvHelp}
    --dry-run validates and prints what would be sent, without sending.`;

interface Batch {
  events: unknown[];
  from: string;
  to: string;
  types: Map<string, number>;
}

export async function importEvents(args: string[], out: (line: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...connectionOptions, "dry-run": { type: "boolean", default: false } },
  });
  const [file, ...extra] = positionals;
  if (!file || extra.length) throw new UsageError("import takes one file: keel import events.json (or .csv)");
  const dryRun = values["dry-run"];
  // Checked before reading the file, so a missing token is reported as such (dry runs need none).
  const connection = dryRun ? undefined : connectionFrom(values);

  const { events, problems } = await readEventFile(file);
  const errors = problems.map((p) => `${p.where}: ${p.message}`);
  for (const event of events) {
    const parsed = AnyEvent.safeParse(event.value);
    if (!parsed.success) errors.push(...issueDetails(parsed.error).map((d) => `${fieldLabel(event, d.path)}: ${d.message}`));
  }
  if (errors.length) {
    throw new CliFailure(`${file} has ${errors.length} error${errors.length === 1 ? "" : "s"}; nothing was sent:\n${errors.map((e) => `  ${e}`).join("\n")}`);
  }
  if (events.length === 0) throw new CliFailure(`${file} holds no events`);

  const batches = batch(events);
  out(`${file}: ${countOf(events.length, "valid event")} (${describeTypes(countTypes(events.map((e) => e.value)))}).`);
  if (!connection) {
    out(`Dry run: would send ${batches.length} batch${batches.length === 1 ? "" : "es"} to POST /api/v1/events:`);
    for (const [i, b] of batches.entries()) out(`  batch ${i + 1}: ${countOf(b.events.length, "event")}, ${b.from} to ${b.to} (${describeTypes(b.types)})`);
    return 0;
  }
  const total: IngestResultData = { accepted: 0, created: 0, updated: 0, unchanged: 0 };
  for (const [i, b] of batches.entries()) {
    let result: IngestResultData;
    try {
      result = IngestResult.parse(await callKeel(connection, "/api/v1/events", { json: { events: b.events } }));
    } catch (error) {
      if (!(error instanceof CliFailure)) throw error;
      const sent = i === 0 ? "nothing was stored" : `batches 1-${i} were stored; running the import again is safe`;
      throw new CliFailure(`batch ${i + 1} of ${batches.length} (${b.from} to ${b.to}) failed; ${sent}.\n${error.message}`);
    }
    for (const key of ["accepted", "created", "updated", "unchanged"] as const) total[key] += result[key];
    out(
      `  batch ${i + 1}/${batches.length}: ${countOf(result.accepted, "event")}, created ${formatCount(result.created)}, updated ${formatCount(result.updated)}, unchanged ${formatCount(result.unchanged)}`,
    );
  }
  out(
    `Imported ${countOf(total.accepted, "event")}: created ${formatCount(total.created)}, updated ${formatCount(total.updated)}, unchanged ${formatCount(total.unchanged)}.`,
  );
  return 0;
}

/** `events[3].finishedAt` in JSON; `line 5, column finishedAt` in CSV. */
function fieldLabel(event: FileEvent, path: string): string {
  return path === "(body)" ? event.where : `${event.fieldPrefix}${path}`;
}

function batch(events: FileEvent[]): Batch[] {
  const batches: Batch[] = [];
  let current: Batch | undefined;
  let bytes = 0;
  for (const event of events) {
    const size = Buffer.byteLength(JSON.stringify(event.value)) + 1;
    if (!current || current.events.length >= BATCH_EVENTS || bytes + size > BATCH_BYTES) {
      current = { events: [], from: event.where, to: event.where, types: new Map() };
      batches.push(current);
      bytes = 0;
    }
    current.events.push(event.value);
    current.to = event.where;
    const type = (event.value as { type: string }).type;
    current.types.set(type, (current.types.get(type) ?? 0) + 1);
    bytes += size;
  }
  return batches;
}

function countTypes(values: unknown[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) {
    const type = (value as { type: string }).type;
    counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  return counts;
}

function describeTypes(counts: Map<string, number>): string {
  return [...counts].map(([type, n]) => `${type} ${n}`).join(", ");
}
