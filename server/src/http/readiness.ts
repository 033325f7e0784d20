import type { Database } from "../db/client.ts";
import { readMigrationList } from "../db/migrations.ts";

/** Ready when the database answers and every migration in prisma/migrations is applied. */
export async function readiness(database: Database): Promise<{ ready: boolean; database: string; pendingMigrations?: string[] }> {
  try {
    const applied = await database.prisma.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    const done = new Set(applied.map((r) => r.migration_name));
    const expected = (await readMigrationList()).migrationDirectories.map((d) => d.path);
    const pending = expected.filter((name) => !done.has(name));
    return pending.length ? { ready: false, database: database.kind, pendingMigrations: pending } : { ready: true, database: database.kind };
  } catch {
    return { ready: false, database: database.kind };
  }
}
