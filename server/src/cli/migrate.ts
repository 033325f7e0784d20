// `keel migrate`: apply pending database migrations.
import { withDatabase } from "./database.ts";

export const migrateUsage = `keel migrate
    apply pending database migrations (DATABASE_URL, KEEL_DATA_DIR)`;

export async function migrate(_args: string[], out: (line: string) => void): Promise<number> {
  await withDatabase(async (database) => {
    out(`Database (${database.kind}) is up to date.`);
  });
  return 0;
}
