// `keel <command>`: api.md "CLI". Each command is a file here returning an exit code; results go
// to stdout, errors to stderr: 2 for usage errors, 1 for failures.
import { ConfigError } from "../env.ts";
import { KeelError } from "../errors.ts";
import { DataDirInUseError } from "../db/dataDirLock.ts";
import { backfill, backfillUsage } from "./backfill.ts";
import { DEFAULT_URL } from "./connection.ts";
import { demo, demoUsage } from "./demo.ts";
import { deploy, deployUsage } from "./deploy.ts";
import { CliFailure, UsageError } from "./errors.ts";
import { importEvents, importUsage } from "./import.ts";
import { junit, junitUsage } from "./junit.ts";
import { migrate, migrateUsage } from "./migrate.ts";
import { token, tokenUsage } from "./token.ts";
import { user, userUsage } from "./user.ts";

type Command = (args: string[], out: (line: string) => void) => Promise<number>;

const commands: Record<string, Command> = {
  async start() {
    const { main } = await import("../main.ts");
    await main();
    return 0;
  },
  migrate,
  token,
  user,
  deploy,
  junit,
  import: importEvents,
  backfill,
  demo,
  report: async (args, out) => (await import("./report.ts")).report(args, out),
};

const usage = `Usage: keel <command> [options]

keel start
    serve the API and the dashboard (PORT, DATABASE_URL, KEEL_DATA_DIR)
${migrateUsage}
${tokenUsage}
${userUsage}
${deployUsage}
${junitUsage}
${importUsage}
${backfillUsage}
${demoUsage}
keel help
    show this help

deploy, junit and import call a Keel server: --url (or KEEL_URL, default ${DEFAULT_URL}) and
--token (or KEEL_TOKEN). token, user, backfill and demo go through the Keel running on this data
directory (or --url/--token), else work on the database.
`;

const out = (line: string) => process.stdout.write(`${line}\n`);

export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    process.stdout.write(usage);
    return name === undefined ? 2 : 0;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    process.stderr.write(`keel: unknown command "${name}"\n\n${usage}`);
    return 2;
  }
  try {
    return await command(rest, out);
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && (error as NodeJS.ErrnoException).code?.startsWith("ERR_PARSE_ARGS"))) {
      process.stderr.write(`keel ${name}: ${error.message}\n\nRun "keel help" for the options.\n`);
      return 2;
    }
    if (error instanceof CliFailure || error instanceof ConfigError || error instanceof KeelError || error instanceof DataDirInUseError) {
      process.stderr.write(`keel ${name}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
