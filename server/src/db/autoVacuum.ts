// Autovacuum's ANALYZE, for PGlite, which has no autovacuum (see queries/tableStatistics.ts).
// Every few seconds it asks which tables changed enough and analyzes those, one statement at a
// time between other work (PGlite runs one statement at a time anyway). PostgreSQL does this
// itself and does not need it.
import type { Logger } from "../logger.ts";
import type { Db } from "./client.ts";
import { analyzeTableSql, TABLES_TO_ANALYZE_SQL } from "./queries/tableStatistics.ts";

export interface AutoAnalyze {
  stop(): Promise<void>;
}

export async function analyzeWhereNeeded(db: Db): Promise<string[]> {
  const tables = (await db.$queryRawUnsafe<{ table: string }[]>(TABLES_TO_ANALYZE_SQL)).map((row) => row.table);
  for (const table of tables) await db.$executeRawUnsafe(analyzeTableSql(table));
  return tables;
}

export function startAutoAnalyze({ db, logger, intervalMs = 5_000 }: { db: Db; logger: Logger; intervalMs?: number }): AutoAnalyze {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = () => {
    running = analyzeWhereNeeded(db)
      .then((tables) => {
        if (tables.length) logger.debug({ tables }, "analyzed tables");
      })
      .catch((error: unknown) => logger.warn({ err: error }, "ANALYZE failed; retrying later"))
      .finally(() => {
        running = undefined;
        if (!stopped) schedule();
      });
  };
  const schedule = () => {
    timer = setTimeout(tick, intervalMs);
    // Statistics are not worth keeping a stopping process alive for.
    timer.unref();
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
