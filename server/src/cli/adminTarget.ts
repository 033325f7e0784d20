// Where `keel user` and `keel token` do their work. In order: the server named by --url/--token
// (or KEEL_URL, KEEL_TOKEN); the server running on this data directory's embedded database (it
// left its address in the directory, localServer.ts); else the database itself (PostgreSQL with
// DATABASE_URL, or the embedded one while no Keel runs on it). The same services run either way.
import type { Db } from "../db/client.ts";
import { parseEnv } from "../env.ts";
import { callKeel, connectionFrom, type CallOptions, type Connection } from "./connection.ts";
import { withDatabase } from "./database.ts";
import { CliFailure } from "./errors.ts";
import { readLocalServer } from "./localServer.ts";

export interface AdminTarget {
  /** Through a running server's REST API. */
  api?: (call: (path: string, options?: CallOptions) => Promise<unknown>) => Promise<string>;
  /** Straight on the database; `actor` is how the audit log names the CLI. */
  direct: (db: Db, actor: string) => Promise<string>;
}

export const adminConnectionOptions = { url: { type: "string" }, token: { type: "string" } } as const;

async function viaApi(connection: Connection, target: AdminTarget): Promise<string> {
  if (!target.api) throw new CliFailure("this command works on the database only; stop Keel first");
  return target.api((path, options) => callKeel(connection, path, options));
}

export async function runAdmin(values: { url?: string | undefined; token?: string | undefined }, target: AdminTarget): Promise<string> {
  if (values.url || values.token || process.env.KEEL_URL || process.env.KEEL_TOKEN) return viaApi(connectionFrom(values), target);
  const env = parseEnv();
  if (!env.DATABASE_URL) {
    const local = await readLocalServer(env.KEEL_DATA_DIR);
    if (local) {
      try {
        return await viaApi({ url: local.url, token: local.token }, target);
      } catch (error) {
        // A file left by a Keel that was killed: the database is free, so use it.
        if (!(error instanceof CliFailure && /cannot reach Keel/.test(error.message))) throw error;
      }
    }
  }
  return withDatabase((database) => target.direct(database.prisma, `cli:${process.env.USER ?? "local"}`));
}

/** A password from standard input (one line; the trailing newline is not part of it). */
export async function readPasswordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}
