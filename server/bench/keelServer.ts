// Starts `keel start` in its own process for a benchmark, as a user would run it, and waits for
// its "Keel is ready" log line to learn the URL.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../bin/keel.mjs");

export interface KeelServer {
  url: string;
  child: ChildProcess;
  /** The tail of what the server printed. */
  output(): string;
  stop(): Promise<void>;
}

/** KEEL_BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the server process. */
const nodeArgs = (process.env.KEEL_BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);

export async function startKeelServer(env: Record<string, string>, timeoutMs = 120_000): Promise<KeelServer> {
  const child = spawn(process.execPath, [...nodeArgs, bin, "start"], {
    env: { ...process.env, PORT: "0", LOG_LEVEL: "info", KEEL_DEMO: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // Keep only the tail: a long run must not grow this string without bound.
  const { url: ready, output } = readyUrl(child, exited, timeoutMs, 20_000);
  const url = await ready;
  return {
    url,
    child,
    output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/**
 * Collects what a `keel start` process prints (all of it, or only its last `tail` characters) and
 * resolves with the URL of its "Keel is ready" log line; rejects if it exits or times out first.
 */
export function readyUrl(child: ChildProcess, exited: Promise<unknown>, timeoutMs: number, tail = Infinity): { url: Promise<string>; output: () => string } {
  let output = "";
  const url = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Keel was not ready within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-tail);
      const match = /"url":"(http:\/\/[^"]+)"[^\n]*"msg":"Keel is ready"/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`Keel exited${code === undefined ? "" : ` with ${String(code)}`} before it was ready:\n${output}`));
    });
  });
  return { url, output: () => output };
}
