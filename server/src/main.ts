// `keel start`: serve until SIGINT/SIGTERM, then stop cleanly.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ConfigError, parseEnv } from "./env.ts";
import { createLogger } from "./logger.ts";
import { startKeel } from "./start.ts";
import { DataDirInUseError } from "./db/dataDirLock.ts";

export async function main(): Promise<void> {
  let env;
  try {
    env = parseEnv();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const defaultWeb = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../web/dist");
  env = { ...env, KEEL_WEB_DIST: env.KEEL_WEB_DIST ?? defaultWeb };
  const logger = createLogger(env.LOG_LEVEL);
  let keel;
  try {
    keel = await startKeel(env, logger);
  } catch (error) {
    if (error instanceof DataDirInUseError) {
      console.error(error.message);
      process.exit(1);
    }
    logger.fatal({ err: error }, "Keel could not start");
    process.exit(1);
  }
  const running = keel;
  const stop = (signal: string) => {
    logger.info({ signal }, "shutting down");
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
}
