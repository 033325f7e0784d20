// Reads a backfill file for `keel import`: JSON (`{ "events": [...] }` or an array of events) or
// CSV (one row per event: a `type` column and the event fields as columns). Each event keeps where
// it came from, so an error names its row or its path in the file.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { BuildEvent, ChangeEvent, DeploymentEvent, IncidentEvent } from "@keel/shared";
import { z } from "zod";
import { parseCsv, CsvSyntaxError } from "./csv.ts";
import { CliFailure } from "./errors.ts";

export interface FileEvent {
  /** Where the event is: `events[3]` in JSON, `line 5` in CSV. */
  where: string;
  /** Prefix for a field of this event: `events[3].` in JSON, `line 5, column ` in CSV. */
  fieldPrefix: string;
  value: unknown;
}

export interface FileProblem {
  where: string;
  message: string;
}

export async function readEventFile(file: string): Promise<{ events: FileEvent[]; problems: FileProblem[] }> {
  const text = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    throw new CliFailure(`${file}: ${error.code === "ENOENT" ? "no such file" : error.message}`);
  });
  const ext = path.extname(file).toLowerCase();
  if (ext === ".json") return { events: fromJson(file, text), problems: [] };
  if (ext === ".csv") return fromCsv(text);
  throw new CliFailure(`${file}: import reads .json or .csv files`);
}

function fromJson(file: string, text: string): FileEvent[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CliFailure(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  const list = Array.isArray(value) ? { items: value, base: "" } : isEventsObject(value) ? { items: value.events, base: "events" } : undefined;
  if (!list) throw new CliFailure(`${file}: expected { "events": [...] } or an array of events`);
  return list.items.map((item, i) => ({ where: `${list.base}[${i}]`, fieldPrefix: `${list.base}[${i}].`, value: item }));
}

function isEventsObject(value: unknown): value is { events: unknown[] } {
  return typeof value === "object" && value !== null && Array.isArray((value as { events?: unknown }).events);
}

type CellKind = "string" | "integer" | "boolean" | "list";
const schemas = { deployment: DeploymentEvent, change: ChangeEvent, incident: IncidentEvent, build: BuildEvent } as const;

/** Each type's fields and how a cell becomes their value, read off the shared schemas. */
const columnKinds: Record<string, Map<string, CellKind>> = Object.fromEntries(
  Object.entries(schemas).map(([type, schema]) => {
    const properties = (z.toJSONSchema(schema, { io: "input" }).properties ?? {}) as Record<string, { type?: string }>;
    const kinds = new Map<string, CellKind>();
    for (const [field, property] of Object.entries(properties)) {
      kinds.set(
        field,
        property.type === "integer" || property.type === "number"
          ? "integer"
          : property.type === "boolean"
            ? "boolean"
            : property.type === "array"
              ? "list"
              : "string",
      );
    }
    return [type, kinds];
  }),
);
const knownColumns = new Set(Object.values(columnKinds).flatMap((kinds) => [...kinds.keys()]));

export const csvHelp = `CSV: one row per event, a "type" column (deployment, change, incident, build) and the event
    fields as columns (finishedAt, service, ...). Empty cells are left out; labels are separated
    by ";". A deployment's commits cannot be given in CSV: use JSON for those.`;

function fromCsv(text: string): { events: FileEvent[]; problems: FileProblem[] } {
  let records;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { events: [], problems: [{ where: "CSV", message: error.message }] };
    throw error;
  }
  const [header, ...rows] = records;
  if (!header) return { events: [], problems: [{ where: "CSV", message: "the file is empty" }] };
  const columns = header.fields.map((name) => name.trim());
  const problems: FileProblem[] = [];
  if (!columns.includes("type")) problems.push({ where: "line 1", message: 'the header has no "type" column' });
  for (const column of columns) {
    if (column === "commits")
      problems.push({ where: "line 1, column commits", message: "a deployment's commits are not supported in CSV; use a JSON file for those" });
    else if (column !== "type" && !knownColumns.has(column))
      problems.push({ where: `line 1, column ${column || "(empty)"}`, message: "is not a field of any event type" });
  }
  const dupes = columns.filter((c, i) => columns.indexOf(c) !== i);
  for (const column of new Set(dupes)) problems.push({ where: `line 1, column ${column}`, message: "appears more than once" });
  if (problems.length) return { events: [], problems };

  const events = rows.map((row): FileEvent => {
    const where = `line ${row.line}`;
    if (row.fields.length !== columns.length) {
      problems.push({ where, message: `has ${row.fields.length} cells; the header has ${columns.length}` });
    }
    const type = row.fields[columns.indexOf("type")]?.trim() ?? "";
    const kinds = columnKinds[type];
    const value: Record<string, unknown> = {};
    columns.forEach((column, i) => {
      const cell = row.fields[i] ?? "";
      if (cell.trim() === "") return;
      value[column] = cellValue(cell, column === "type" ? "string" : (kinds?.get(column) ?? "string"));
    });
    return { where, fieldPrefix: `${where}, column `, value };
  });
  return { events, problems };
}

/** A cell as its field's type; a cell that does not fit is passed on as text for the schema to name. */
function cellValue(cell: string, kind: CellKind): unknown {
  const text = cell.trim();
  if (kind === "integer") return /^-?\d+$/.test(text) ? Number(text) : text;
  if (kind === "boolean") {
    if (/^(true|yes|1)$/i.test(text)) return true;
    if (/^(false|no|0)$/i.test(text)) return false;
    return text;
  }
  if (kind === "list")
    return text
      .split(";")
      .map((item) => item.trim())
      .filter(Boolean);
  // Strings keep their inner spacing; the schemas trim where it matters.
  return cell;
}
