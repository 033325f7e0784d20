// `keel report --week 2026-W47 [--team T] [--format md|html|json]`: prints the weekly health
// report from a Keel server (GET /api/v1/reports/weekly), Markdown by default.
import { parseArgs } from "node:util";
import { ErrorResponse, IsoWeek } from "@keel/shared";
import { ApiError, connectionFrom, connectionOptions } from "./connection.ts";
import { CliFailure, UsageError } from "./errors.ts";

export const reportUsage = `keel report --week 2026-W47 [--team SLUG] [--format md|html|json]
    print the weekly health report of an ISO week (weeks start Monday in the organisation's time
    zone), for the organisation or one team; Markdown unless --format says otherwise.`;

const ACCEPT = { md: "text/markdown", html: "text/html", json: "application/json" } as const;

export async function report(args: string[], out: (line: string) => void): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { ...connectionOptions, week: { type: "string" }, team: { type: "string" }, format: { type: "string", default: "md" } },
  });
  if (!values.week) throw new UsageError(`--week is required, e.g. --week 2026-W47\n\n${reportUsage}`);
  const week = IsoWeek.safeParse(values.week);
  if (!week.success) throw new UsageError(`--week ${week.error.issues[0]?.message ?? "is not valid"} (got "${values.week}")`);
  const format = values.format as keyof typeof ACCEPT;
  if (!Object.hasOwn(ACCEPT, format)) throw new UsageError(`--format must be md, html or json (got "${values.format}")`);
  const connection = connectionFrom(values);

  const query = new URLSearchParams({ week: week.data, ...(values.team ? { team: values.team } : {}) });
  const path = `/api/v1/reports/weekly?${query}`;
  let res: Response;
  try {
    res = await fetch(connection.url + path, { headers: { authorization: `Bearer ${connection.token}`, accept: ACCEPT[format] } });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new CliFailure(`cannot reach Keel at ${connection.url}: ${cause?.code ?? cause?.message ?? String(error)}`);
  }
  const text = await res.text();
  if (!res.ok) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    const error = ErrorResponse.safeParse(parsed);
    if (error.success) throw new ApiError(res.status, error.data.error.code, error.data.error.message, error.data.error.details ?? []);
    throw new ApiError(res.status, "HTTP_ERROR", text.slice(0, 300) || res.statusText, []);
  }
  out(format === "json" ? JSON.stringify(JSON.parse(text), null, 2) : text.trimEnd());
  return 0;
}
