// Runs Keel as a real process, as a user would (`keel start`), on a free port. Used by the crash
// test and the browser tests.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readyUrl } from "../../server/bench/keelServer.ts";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface KeelProcess {
  url: string;
  child: ChildProcess;
  /** Milliseconds from spawn to the "Keel is ready" log line. */
  readyMs: number;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function startKeelProcess(env: Record<string, string>, timeoutMs = 120_000): Promise<KeelProcess> {
  const started = Date.now();
  const child = spawn(process.execPath, [path.join(repoRoot, "server/bin/keel.mjs"), "start"], {
    cwd: repoRoot,
    env: { ...process.env, PORT: "0", LOG_LEVEL: "info", KEEL_WEB_DIST: path.join(repoRoot, "web/dist"), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const { url: ready, output } = readyUrl(child, exited, timeoutMs);
  const url = await ready;
  if (env.KEEL_API_TOKEN) adminTokens.set(new URL(url).origin, env.KEEL_API_TOKEN);
  return {
    url,
    child,
    readyMs: Date.now() - started,
    output,
    async stop(signal = "SIGTERM") {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill(signal);
      return exited;
    },
  };
}

/** KEEL_API_TOKEN by origin, so the browser tests can sign in as that Keel's admin (browser.ts). */
const adminTokens = new Map<string, string>();
const sessionCookies = new Map<string, Promise<string>>();

/** A session cookie ("name=value") of an admin user of the Keel at this origin, made on first use. */
export function adminSessionCookie(origin: string): Promise<string> | undefined {
  const token = adminTokens.get(origin);
  if (!token) return undefined;
  let cookie = sessionCookies.get(origin);
  if (!cookie) {
    cookie = signInAdmin(origin, token);
    sessionCookies.set(origin, cookie);
  }
  return cookie;
}

export const E2E_ADMIN = { email: "e2e-admin@keel.test", password: "e2e admin password 0123" };

async function signInAdmin(url: string, token: string): Promise<string> {
  const created = await fetch(`${url}/api/v1/users`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ ...E2E_ADMIN, name: "E2E Admin", role: "admin" }),
  });
  if (created.status !== 201 && created.status !== 409) throw new Error(`creating the e2e admin answered ${created.status}: ${await created.text()}`);
  const login = await fetch(`${url}/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(E2E_ADMIN) });
  const cookie = /keel_session=[^;]+/.exec(login.headers.get("set-cookie") ?? "")?.[0];
  if (login.status !== 200 || !cookie) throw new Error(`signing in the e2e admin answered ${login.status}: ${await login.text()}`);
  return cookie;
}
