import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { acquireDataDir, DataDirInUseError, releaseDataDir } from "./dataDirLock.ts";

const freshDir = () => mkdtempSync(path.join(tmpdir(), "keel-lock-"));

describe("acquireDataDir", () => {
  test("an empty directory is taken and released", () => {
    const dir = freshDir();
    expect(acquireDataDir(dir)).toEqual({ recoveredStaleLock: false });
    expect(readFileSync(path.join(dir, "keel.pid"), "utf8").trim()).toBe(String(process.pid));
    releaseDataDir(dir);
    expect(existsSync(path.join(dir, "keel.pid"))).toBe(false);
  });

  test("a lock left by a dead process is recovered and PGlite's postmaster.pid removed", () => {
    const dir = freshDir();
    writeFileSync(path.join(dir, "keel.pid"), "999999\n"); // no such process
    writeFileSync(path.join(dir, "postmaster.pid"), "-42\n/pglite/data\n");
    expect(acquireDataDir(dir)).toEqual({ recoveredStaleLock: true });
    expect(existsSync(path.join(dir, "postmaster.pid"))).toBe(false);
  });

  test("a directory held by a live Keel (node) process is refused with a clear message", async () => {
    const dir = freshDir();
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    try {
      writeFileSync(path.join(dir, "keel.pid"), `${holder.pid}\n`);
      expect(() => acquireDataDir(dir)).toThrow(DataDirInUseError);
      expect(() => acquireDataDir(dir)).toThrow(/in use by another Keel process/);
    } finally {
      holder.kill("SIGKILL");
    }
  });
});
