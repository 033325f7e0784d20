// Talking to a Keel server from the CLI: --url/--token (or KEEL_URL, KEEL_TOKEN), JSON calls, and
// error answers turned into messages that carry the server's own words and every detail.
import { ErrorResponse } from "@keel/shared";
import { CliFailure, UsageError } from "./errors.ts";

export const DEFAULT_URL = "http://localhost:3000";

/** parseArgs options every command that calls the server takes. */
export const connectionOptions = {
  url: { type: "string" },
  token: { type: "string" },
} as const;

export interface Connection {
  url: string;
  token: string;
}

export function connectionFrom(values: { url?: string | undefined; token?: string | undefined }, env: NodeJS.ProcessEnv = process.env): Connection {
  const url = values.url ?? (env.KEEL_URL || DEFAULT_URL);
  const token = values.token ?? env.KEEL_TOKEN;
  if (!/^https?:\/\/[^\s/]+/.test(url)) throw new UsageError(`--url must be an http(s) URL such as ${DEFAULT_URL} (got "${url}")`);
  if (!token) throw new UsageError("an API token is needed: pass --token or set KEEL_TOKEN");
  return { url: url.replace(/\/+$/, ""), token };
}

/** The server answered with an error: its status, code, message and details. */
export class ApiError extends CliFailure {
  override name = "ApiError";
  constructor(
    readonly status: number,
    readonly code: string,
    readonly serverMessage: string,
    readonly details: { path: string; message: string }[],
  ) {
    super(formatApiError(status, code, serverMessage, details));
  }
}

function formatApiError(status: number, code: string, message: string, details: { path: string; message: string }[]): string {
  const lines = [`the server answered ${status} ${code}: ${message}`];
  for (const detail of details) lines.push(`  ${detail.path}: ${detail.message}`);
  return lines.join("\n");
}

export interface CallOptions {
  method?: string;
  /** Sent as a JSON body. */
  json?: unknown;
  body?: RequestInit["body"];
  headers?: Record<string, string>;
}

/** Calls the API and returns the parsed JSON answer; throws ApiError or CliFailure otherwise. */
export async function callKeel(connection: Connection, path: string, options: CallOptions = {}): Promise<unknown> {
  const { method = options.json === undefined && options.body === undefined ? "GET" : "POST", json, body, headers = {} } = options;
  let res: Response;
  try {
    res = await fetch(connection.url + path, {
      method,
      headers: {
        authorization: `Bearer ${connection.token}`,
        accept: "application/json",
        ...(json === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      body: json === undefined ? body : JSON.stringify(json),
      // A streamed body (keel junit) needs half duplex in Node's fetch.
      ...(body && typeof body === "object" && "getReader" in body ? { duplex: "half" } : {}),
    } as RequestInit);
  } catch (error) {
    throw new CliFailure(`cannot reach Keel at ${connection.url}: ${networkReason(error)}`);
  }
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (res.ok) {
    if (parsed === undefined) throw new CliFailure(`${method} ${path}: the server answered ${res.status} without JSON`);
    return parsed;
  }
  const error = ErrorResponse.safeParse(parsed);
  if (error.success) throw new ApiError(res.status, error.data.error.code, error.data.error.message, error.data.error.details ?? []);
  throw new ApiError(res.status, "HTTP_ERROR", text.slice(0, 300) || res.statusText, []);
}

function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
