// docs/ingest-with-curl.sh against a real Keel process (`keel start` with KEEL_API_TOKEN): the
// first pass stores everything, the second pass of the same events changes nothing.
import { execFile } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { processStore } from "../support/database.ts";
import { repoRoot, startKeelProcess, type KeelProcess } from "../support/keelProcess.ts";

const token = "curl-script-admin-token-0123456789";
const cleanups: (() => Promise<unknown> | void)[] = [];
let keel: KeelProcess;

beforeAll(async () => {
  const store = await processStore("curl");
  cleanups.push(store.drop);
  const env: Record<string, string> = { KEEL_DEMO: "0", KEEL_API_TOKEN: token, ...store.env };
  keel = await startKeelProcess(env);
  cleanups.push(() => keel.stop());
});
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

function runScript(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile("bash", [path.join(repoRoot, "docs/ingest-with-curl.sh")], { env: { PATH: process.env.PATH ?? "", ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

/** The answers of one pass, by step: "deployment", "incident opened", ... */
function answers(pass: string): Record<string, unknown> {
  return Object.fromEntries(
    pass
      .split("\n")
      .map((line) => /^([a-z ]+): (\{.*\})$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1], JSON.parse(m[2] as string)]),
  );
}

test("the curl script reports everything once; a second pass is unchanged but for the incident's states", async () => {
  const result = await runScript({ KEEL_URL: keel.url, KEEL_TOKEN: token });
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  const [first = "", second = ""] = result.stdout.split("== Second pass").map(answers);

  expect(first).toEqual({
    deployment: { accepted: 1, created: 1, updated: 0, unchanged: 0 },
    "incident opened": { accepted: 1, created: 1, updated: 0, unchanged: 0 },
    "incident resolved": { accepted: 1, created: 0, updated: 1, unchanged: 0 },
    build: { accepted: 1, created: 1, updated: 0, unchanged: 0 },
    "junit report": expect.objectContaining({ tests: expect.any(Number), failed: expect.any(Number) }),
  });
  const unchanged = { accepted: 1, created: 0, updated: 0, unchanged: 1 };
  // The latest state sent wins: "opened" again reopens the resolved incident, "resolved" resolves it.
  const updated = { accepted: 1, created: 0, updated: 1, unchanged: 0 };
  expect(second).toEqual({
    deployment: unchanged,
    "incident opened": updated,
    "incident resolved": updated,
    build: unchanged,
    // Replaced, not added: the same counts again.
    "junit report": (first as Record<string, unknown>)["junit report"],
  });
});

test("a wrong token stops the script with Keel's JSON error", async () => {
  const result = await runScript({ KEEL_URL: keel.url, KEEL_TOKEN: "wrong-token" });
  expect(result.code).not.toBe(0);
  expect(result.stdout).toContain('"code":"UNAUTHORIZED"');
  expect(result.stdout).not.toContain("Second pass");
});
