// `keel user` and `keel token` while Keel runs: on the embedded database (which only the server may
// open) they go through the running server; on PostgreSQL straight to the database. Both as a
// person types them, with no --url or --token.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createPostgresDatabase, testDbKind } from "../../support/database.ts";
import { repoRoot, startKeelProcess, type KeelProcess } from "../../support/keelProcess.ts";

let keel: KeelProcess;
let drop: (() => Promise<void>) | undefined;
const dataDir = mkdtempSync(path.join(tmpdir(), "keel-cli-running-"));
const env: Record<string, string> = { KEEL_DEMO: "0", KEEL_DATA_DIR: dataDir, KEEL_API_TOKEN: "", KEEL_URL: "", KEEL_TOKEN: "" };

beforeAll(async () => {
  if (testDbKind === "postgres") {
    const db = await createPostgresDatabase();
    env.DATABASE_URL = db.url;
    drop = db.drop;
  }
  keel = await startKeelProcess(env);
}, 180_000);
afterAll(async () => {
  await keel?.stop();
  await drop?.();
});

function keelCli(args: string[], input = ""): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(repoRoot, "server/bin/keel.mjs"), ...args], {
      cwd: repoRoot,
      env: { ...process.env, LOG_LEVEL: "warn", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

test("the first start prints the one-time link for the first admin", () => {
  expect(keel.output()).toMatch(/Keel has no users yet\. Open this link[\s\S]*http:\/\/localhost:\d+\/setup#[\w-]{32}/);
});

test("users and tokens are managed while Keel runs, and what they make works at once", async () => {
  const created = await keelCli(
    ["user", "create", "--email", "Lead@Example.com", "--name", "Lead", "--role", "editor", "--password-stdin"],
    "lead password 1234\n",
  );
  expect(created.stderr).toBe("");
  expect(created.stdout).toContain("Created lead@example.com  editor  Lead  [password]");
  const login = await fetch(`${keel.url}/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "lead@example.com", password: "lead password 1234" }),
  });
  expect(login.status).toBe(200);

  expect((await keelCli(["user", "set-role", "--email", "lead@example.com", "--role", "viewer"])).stdout).toContain("lead@example.com  viewer");
  expect((await keelCli(["user", "disable", "--email", "lead@example.com"])).stdout).toContain("lead@example.com  viewer (disabled)  Lead");

  const token = await keelCli(["token", "create", "--name", "ci", "--scope", "ingest"]);
  expect(token.code).toBe(0);
  const secret = /keel_[\w-]+/.exec(token.stdout)?.[0] ?? "";
  const sent = await fetch(`${keel.url}/api/v1/deployments`, {
    method: "POST",
    headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
    body: JSON.stringify({ id: "d1", service: "checkout", status: "success", finishedAt: "2026-11-20T14:03:00Z", commits: [] }),
  });
  expect(sent.status).toBe(200);
  expect((await keelCli(["token", "revoke", "ci"])).stdout).toContain('Revoked token "ci"');
  expect((await keelCli(["token", "list"])).stdout).toMatch(/ingest\s+ci\s+\(revoked/);

  // Bad input is a usage error naming the option.
  const bad = await keelCli(["user", "create", "--email", "not-an-email", "--role", "boss"]);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain("--email: must be an e-mail address");
  expect(bad.stderr).toContain("--role: must be viewer, editor or admin");
  // On PostgreSQL each command opens the database and checks its migrations: seconds each.
}, 300_000);

test("when Keel stops it takes its local address away, and the commands work on the database", async () => {
  if (testDbKind === "pglite") expect(existsSync(path.join(dataDir, "cli.json"))).toBe(true);
  await keel.stop();
  expect(existsSync(path.join(dataDir, "cli.json"))).toBe(false);
  const list = await keelCli(["user", "list"]);
  expect(list.stderr).toBe("");
  expect(list.stdout).toContain("lead@example.com");
}, 120_000);
