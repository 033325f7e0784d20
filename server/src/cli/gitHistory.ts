// Reads the local git history for `keel deploy`. git runs with an argument list, never through a
// shell, and only full hex commit ids reach `git log` (a sha from the server is data, not an option).
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { CliFailure } from "./errors.ts";

const run = promisify(execFile);
const FIELD = "\x1f";
const RECORD = "\x1e";
const HEX_SHA = /^[0-9a-f]{7,64}$/i;

export interface GitCommit {
  sha: string;
  committedAt: string;
  authoredAt: string;
  /** The full message, trimmed. */
  message: string;
}

async function git(cwd: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run("git", args, { cwd, maxBuffer: 256 * 1024 * 1024, env: { ...process.env, LC_ALL: "C" } });
    return stdout;
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === "ENOENT") throw new CliFailure("git is not installed or not on PATH; keel deploy reads the local git history");
    throw new CliFailure(`git ${args[0]} failed in ${cwd}: ${(e.stderr ?? e.message).trim()}`);
  }
}

export function isHexSha(value: string): boolean {
  return HEX_SHA.test(value);
}

/** The full sha of a commit named by sha, tag or branch; a clear failure outside a repository. */
export async function resolveCommit(cwd: string, rev: string): Promise<string> {
  if (rev.startsWith("-")) throw new CliFailure(`"${rev}" is not a commit`);
  await git(cwd, ["rev-parse", "--git-dir"]).catch(() => {
    throw new CliFailure(`${cwd} is not inside a git repository; run keel deploy from your checkout`);
  });
  const out = await git(cwd, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${rev}^{commit}`]).catch(() => "");
  const sha = out.trim();
  if (!isHexSha(sha)) throw new CliFailure(`${rev} is not a commit in the git repository at ${cwd}`);
  return sha;
}

/** Whether the commit is in the local history (a shallow clone may lack it). */
export async function hasCommit(cwd: string, sha: string): Promise<boolean> {
  if (!isHexSha(sha)) return false;
  return git(cwd, ["cat-file", "-e", `${sha}^{commit}`]).then(
    () => true,
    () => false,
  );
}

/** Commits reachable from `head` and not from `since` (`git log since..head`), newest first, at most `limit`. */
export async function commitsSince(cwd: string, since: string, head: string, limit: number): Promise<GitCommit[]> {
  if (!isHexSha(since) || !isHexSha(head)) throw new CliFailure("commitsSince takes full commit ids");
  return readLog(cwd, [`--max-count=${limit}`, `${since}..${head}`]);
}

/** One commit. */
export async function commitInfo(cwd: string, sha: string): Promise<GitCommit> {
  if (!isHexSha(sha)) throw new CliFailure("commitInfo takes a full commit id");
  const [commit] = await readLog(cwd, ["--max-count=1", sha]);
  if (!commit) throw new CliFailure(`commit ${sha} is not in the local history`);
  return commit;
}

async function readLog(cwd: string, range: string[]): Promise<GitCommit[]> {
  const out = await git(cwd, ["log", `--format=%H${FIELD}%cI${FIELD}%aI${FIELD}%B${RECORD}`, ...range, "--"]);
  return out
    .split(RECORD)
    .map((record) => record.replace(/^\n/, ""))
    .filter((record) => record.includes(FIELD))
    .map((record) => {
      const [sha = "", committedAt = "", authoredAt = "", message = ""] = record.split(FIELD);
      return { sha, committedAt, authoredAt, message: message.trim() };
    });
}
