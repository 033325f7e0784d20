// Runs the real keel command (`node server/bin/keel.mjs ...`) as a user would, without a shell.
import { execFile } from "node:child_process";
import path from "node:path";
import { repoRoot } from "./keelProcess.ts";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runKeel(args: string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(repoRoot, "server/bin/keel.mjs"), ...args],
      { cwd: options.cwd ?? repoRoot, env: { ...process.env, KEEL_URL: undefined, KEEL_TOKEN: undefined, ...options.env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
