import { pino, type DestinationStream, type Logger } from "pino";

export type { Logger };

/** The log, as JSON lines on stdout (or `destination`: tests capture it to look for secrets). */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return destination ? pino({ level, base: { app: "keel" } }, destination) : pino({ level, base: { app: "keel" } });
}
