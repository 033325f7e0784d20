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
  let output = "";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Keel was not ready within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      // Keep only the tail: a long run must not grow this string without bound.
      output = (output + chunk.toString()).slice(-20_000);
      const match = /"url":"(http:\/\/[^"]+)"[^\n]*"msg":"Keel is ready"/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`Keel exited before it was ready:\n${output}`));
    });
  });
  return {
    url,
    child,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      await exited;
    },
  };
}
