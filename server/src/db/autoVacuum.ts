// Autovacuum for PGlite, which has none (see queries/tableMaintenance.ts). Every few seconds it
// asks which tables changed enough and vacuums or analyzes those, one statement at a time between
// other work (PGlite runs one statement at a time anyway). PostgreSQL does this itself.
import type { Logger } from "../logger.ts";
import type { Db } from "./client.ts";
import { maintenanceSql, TABLES_NEEDING_MAINTENANCE_SQL, type TableMaintenance } from "./queries/tableMaintenance.ts";

export interface AutoVacuum {
  stop(): Promise<void>;
}

export async function maintainWhereNeeded(db: Db): Promise<TableMaintenance[]> {
  const tables = await db.$queryRawUnsafe<TableMaintenance[]>(TABLES_NEEDING_MAINTENANCE_SQL);
  for (const table of tables) await db.$executeRawUnsafe(maintenanceSql(table));
  return tables;
}

export function startAutoVacuum({ db, logger, intervalMs = 5_000 }: { db: Db; logger: Logger; intervalMs?: number }): AutoVacuum {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = () => {
    const started = Date.now();
    running = maintainWhereNeeded(db)
      .then((tables) => {
        if (tables.length) logger.debug({ tables, ms: Date.now() - started }, "vacuumed or analyzed tables");
      })
      .catch((error: unknown) => logger.warn({ err: error }, "VACUUM or ANALYZE failed; retrying later"))
      .finally(() => {
        running = undefined;
        if (!stopped) schedule();
      });
  };
  const schedule = () => {
    timer = setTimeout(tick, intervalMs);
    // Maintenance is not worth keeping a stopping process alive for.
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
