// How `keel user` and `keel token` reach a Keel that runs on the embedded database, which only
// one process may open. The running server leaves its address and an admin token in its data
// directory (readable by its owner only: whoever can read that directory can read the database
// anyway), and takes both away when it stops. The token shows in Settings as "keel CLI on this machine".
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Tx } from "../db/types.ts";
import { createToken } from "../services/tokens.ts";

const FILE = "cli.json";
export const LOCAL_CLI_TOKEN_NAME = "keel CLI on this machine";

export interface LocalServer {
  url: string;
  token: string;
}

export async function publishLocalCli({ db, dataDir, url }: { db: Tx; dataDir: string; url: string }) {
  // One such token at a time: the one an earlier run left (even after a crash) stops working.
  await db.apiToken.updateMany({ where: { name: LOCAL_CLI_TOKEN_NAME, revokedAt: null }, data: { revokedAt: new Date() } });
  const { id, token } = await createToken({ db, input: { name: LOCAL_CLI_TOKEN_NAME, scope: "admin" } });
  const file = path.join(dataDir, FILE);
  await writeFile(file, JSON.stringify({ url, token } satisfies LocalServer), { mode: 0o600 });
  return {
    async withdraw() {
      await rm(file, { force: true });
      await db.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
    },
  };
}

/** The running local server, if there is one in this data directory. */
export async function readLocalServer(dataDir: string): Promise<LocalServer | undefined> {
  try {
    const parsed = JSON.parse(await readFile(path.join(dataDir, FILE), "utf8")) as Partial<LocalServer>;
    return typeof parsed.url === "string" && typeof parsed.token === "string" ? { url: parsed.url, token: parsed.token } : undefined;
  } catch {
    return undefined;
  }
}
