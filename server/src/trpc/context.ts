import type { Db } from "../db/client.ts";
import type { Logger } from "../logger.ts";

export interface Context {
  db: Db;
  logger: Logger;
}
