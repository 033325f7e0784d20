// PGlite keeps a postmaster.pid in its data directory with a fake pid (-42). After a SIGKILL the
// file stays and the next open hangs forever. Keel writes its own keel.pid beside it: if the pid
// in it is alive, another Keel owns the directory and we refuse; if not, the lock is stale and we
// remove both files. The data itself is intact (PostgreSQL's WAL recovery runs on open).
import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";

export class DataDirInUseError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `The embedded database at ${dataDir} is in use by another Keel process (pid ${pid}). ` + `Stop that process, or set KEEL_DATA_DIR to another directory.`,
    );
    this.name = "DataDirInUseError";
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  // A recycled pid may belong to an unrelated program: only a node process can be Keel.
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("node");
  } catch {
    return true; // no /proc (macOS): trust kill(0)
  }
}

/** Takes the data directory for this process. Returns whether a stale lock was recovered. */
export function acquireDataDir(dataDir: string): { recoveredStaleLock: boolean } {
  mkdirSync(dataDir, { recursive: true });
  const keelPid = path.join(dataDir, "keel.pid");
  const postmasterPid = path.join(dataDir, "postmaster.pid");
  if (existsSync(keelPid)) {
    const owner = Number.parseInt(readFileSync(keelPid, "utf8").trim(), 10);
    if (isAlive(owner)) throw new DataDirInUseError(dataDir, owner);
  }
  const recoveredStaleLock = existsSync(postmasterPid);
  if (recoveredStaleLock) rmSync(postmasterPid);
  writeFileSync(keelPid, `${process.pid}\n`);
  return { recoveredStaleLock };
}

export function releaseDataDir(dataDir: string): void {
  const keelPid = path.join(dataDir, "keel.pid");
  try {
    if (Number.parseInt(readFileSync(keelPid, "utf8"), 10) === process.pid) rmSync(keelPid);
  } catch {
    // already gone
  }
}
