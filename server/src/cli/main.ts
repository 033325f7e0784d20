// `keel <command>`: api.md "CLI". Each command returns an exit code; messages go to stderr.
import { parseArgs } from "node:util";
import { ConfigError, parseEnv } from "../env.ts";
import { KeelError } from "../errors.ts";
import { createLogger } from "../logger.ts";
import { openAndMigrate } from "../start.ts";
import { createToken, revokeToken, type TokenScopeValue } from "../services/tokens.ts";
import { DataDirInUseError } from "../db/dataDirLock.ts";

const usage = `Usage: keel <command> [options]

Commands:
  start                             serve the API and the dashboard (PORT, DATABASE_URL, KEEL_DATA_DIR)
  migrate                           apply pending database migrations
  token create --name N [--scope ingest|read|admin]
                                    create an API token (shown once)
  token revoke <id|prefix|name>     revoke a token
  help                              show this help
`;

export async function runCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "start": {
        const { main } = await import("../main.ts");
        await main();
        return 0;
      }
      case "migrate":
        return await migrate();
      case "token":
        return await token(rest);
      case undefined:
      case "help":
      case "--help":
      case "-h":
        process.stdout.write(usage);
        return command === undefined ? 2 : 0;
      default:
        process.stderr.write(`keel: unknown command "${command}"\n\n${usage}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof ConfigError || error instanceof KeelError || error instanceof DataDirInUseError) {
      process.stderr.write(`keel: ${error.message}\n`);
      return 1;
    }
    if (error instanceof TypeError && (error as NodeJS.ErrnoException).code?.startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`keel: ${error.message}\n\n${usage}`);
      return 2;
    }
    throw error;
  }
}

async function withDatabase<T>(work: (db: Awaited<ReturnType<typeof openAndMigrate>>) => Promise<T>): Promise<T> {
  const env = parseEnv();
  const database = await openAndMigrate(env, createLogger(env.LOG_LEVEL === "info" ? "warn" : env.LOG_LEVEL));
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

async function migrate(): Promise<number> {
  await withDatabase(async (database) => {
    process.stdout.write(`Database (${database.kind}) is up to date.\n`);
  });
  return 0;
}

async function token(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "create") {
    const { values } = parseArgs({ args: rest, options: { name: { type: "string" }, scope: { type: "string", default: "ingest" } } });
    const scope = values.scope as TokenScopeValue;
    if (!["ingest", "read", "admin"].includes(scope)) {
      process.stderr.write(`keel: --scope must be ingest, read or admin (got "${values.scope}")\n`);
      return 2;
    }
    if (!values.name) {
      process.stderr.write("keel: token create needs --name, e.g. --name github-actions\n");
      return 2;
    }
    const name = values.name;
    const created = await withDatabase((database) => createToken({ db: database.prisma, input: { name, scope } }));
    process.stdout.write(`Created ${scope} token "${created.name}" (id ${created.id}). It is shown only now:\n\n  ${created.token}\n\n`);
    return 0;
  }
  if (sub === "revoke") {
    const { positionals } = parseArgs({ args: rest, allowPositionals: true, options: {} });
    const target = positionals[0];
    if (!target) {
      process.stderr.write("keel: token revoke needs a token id, prefix or name\n");
      return 2;
    }
    const revoked = await withDatabase((database) => revokeToken({ db: database.prisma, input: { idOrPrefix: target } }));
    process.stdout.write(`Revoked token "${revoked.name}" (id ${revoked.id}).\n`);
    return 0;
  }
  process.stderr.write(`keel: token needs create or revoke\n\n${usage}`);
  return 2;
}
