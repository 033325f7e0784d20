// `keel demo status|remove`: the demo data set (docs/demo.md "Removing the demo"). Through the
// running Keel (--url/--token, or the local server on this data directory), else on the database,
// as `keel user` and `keel token` do (adminTarget.ts).
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { countOf } from "@keel/shared/numbers";
import { getDemoStatus, removeDemo, type DemoRemoved, type DemoStatus } from "../services/removeDemo.ts";
import { adminConnectionOptions, runAdmin } from "./adminTarget.ts";
import { UsageError } from "./errors.ts";

export const demoUsage = `keel demo status
keel demo remove [--yes]
    whether the demo data is loaded; remove it, keeping every record you sent (asks first
    unless --yes; a second removal removes nothing, and Keel never loads the demo again)`;

function describeStatus(s: DemoStatus): string {
  if (s.loaded) return `The demo data is loaded (since ${s.loadedAt ?? "an unknown time"}). Remove it with: keel demo remove`;
  if (s.removedAt) return `The demo data was removed at ${s.removedAt}.`;
  return "No demo data is loaded.";
}

/** What each removed count is of, in the singular (countOf adds the "s"). */
const NOUNS: Record<keyof DemoRemoved, string> = {
  deployments: "deployment",
  changes: "change",
  incidents: "incident",
  builds: "build",
  testReports: "test report",
  testResults: "test result",
  testCases: "test",
  rawEvents: "raw event",
  services: "service",
  teams: "team",
  environments: "environment",
};

function describeRemoved(r: DemoRemoved): string {
  const parts = (Object.keys(NOUNS) as (keyof DemoRemoved)[]).filter((what) => r[what] > 0).map((what) => countOf(r[what], NOUNS[what]));
  return parts.length ? `Removed the demo data: ${parts.join(", ")}.` : "Nothing to remove: no demo data is stored.";
}

async function confirmed(): Promise<boolean> {
  if (!process.stdin.isTTY) throw new UsageError("remove needs --yes when it cannot ask (standard input is not a terminal)");
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question("Remove the demo's deployments, changes, incidents, builds and tests? Your own records stay. [y/N] ");
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

export async function demo(args: string[], out: (line: string) => void): Promise<number> {
  const [sub, ...rest] = args;
  const { values } = parseArgs({ args: rest, options: { ...adminConnectionOptions, yes: { type: "boolean", default: false } } });
  const connection = { url: values.url, token: values.token };
  if (sub === "status") {
    out(
      await runAdmin(connection, {
        api: async (call) => describeStatus((await call("/api/v1/demo")) as DemoStatus),
        direct: async (db) => describeStatus(await getDemoStatus({ db })),
      }),
    );
    return 0;
  }
  if (sub === "remove") {
    if (!values.yes && !(await confirmed())) {
      out("Nothing removed.");
      return 1;
    }
    out(
      await runAdmin(connection, {
        api: async (call) => describeRemoved(((await call("/api/v1/demo", { method: "DELETE" })) as { removed: DemoRemoved }).removed),
        direct: async (db, actor) => describeRemoved((await removeDemo({ db, now: new Date(), audit: { actor } })).removed),
      }),
    );
    return 0;
  }
  throw new UsageError("say status or remove");
}
