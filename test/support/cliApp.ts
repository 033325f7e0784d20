// A test app for CLI tests: the real `keel` command in a child process, run against the app with
// its admin token (as CI runs it), and a scratch directory for the files and repositories it reads.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startTestApp, TEST_ADMIN_TOKEN, type TestApp } from "./httpApp.ts";
import { type CliResult, runKeel } from "./keelCli.ts";

export interface CliApp extends TestApp {
  /** A scratch directory, removed with the app. */
  tmp: string;
  /** Runs `keel` against this app; `env` adds to or overrides KEEL_URL and KEEL_TOKEN. */
  keel(args: string[], options?: { cwd?: string; env?: Record<string, string> }): Promise<CliResult>;
}

export async function startCliApp(): Promise<CliApp> {
  const app = await startTestApp();
  const tmp = mkdtempSync(path.join(tmpdir(), "keel-cli-"));
  return {
    ...app,
    tmp,
    keel: (args, options = {}) => runKeel(args, { cwd: options.cwd, env: { KEEL_URL: app.url, KEEL_TOKEN: TEST_ADMIN_TOKEN, ...options.env } }),
    async close() {
      await app.close();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** The commits stored as shipped by a deployment, sorted. */
export async function shippedShas(app: TestApp, deploymentId: string): Promise<string[]> {
  const links = await app.database.prisma.deploymentChange.findMany({ where: { deploymentId }, include: { change: true } });
  return links.map((l) => l.change.sha).sort();
}
