// Applies prisma/migrations (Prisma's standard format, so `prisma migrate deploy` works on it too)
// through the WebAssembly schema engine, and compares the migrations with schema.prisma.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList } from "@prisma/schema-engine-wasm";
import { withSchemaEngine } from "./schemaEngine.ts";

export const prismaDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../prisma");
export const schemaPath = path.join(prismaDir, "schema.prisma");
export const migrationsDir = path.join(prismaDir, "migrations");
const noFilters = { externalTables: [], externalEnums: [] };

export async function readSchema(): Promise<{ path: string; content: string }> {
  return { path: schemaPath, content: await readFile(schemaPath, "utf8") };
}

export async function readMigrationList(): Promise<MigrationList> {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  const dirs = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const lockContent = await readFile(path.join(migrationsDir, "migration_lock.toml"), "utf8").catch(() => null);
  return {
    baseDir: migrationsDir,
    // Paths are relative to baseDir: the engine records them as migration names, exactly as
    // `prisma migrate deploy` does, so either tool sees the same history.
    lockfile: { path: "migration_lock.toml", content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      dirs.map(async (name) => {
        const sql = await readFile(path.join(migrationsDir, name, "migration.sql"), "utf8");
        return { path: name, migrationFile: { path: "migration.sql", content: { tag: "ok" as const, value: sql } } };
      }),
    ),
  };
}

/** Applies pending migrations; returns the names of those it applied (empty when up to date). */
export async function applyMigrations(adapterFactory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  const migrationsList = await readMigrationList();
  return withSchemaEngine(adapterFactory, await readSchema(), async (engine) => {
    const result = await engine.applyMigrations({ migrationsList, filters: noFilters });
    return result.appliedMigrationNames;
  });
}

/**
 * The SQL that would bring a database built from the migrations to schema.prisma; empty when
 * they agree. Uses a shadow database from the adapter factory (in-memory for PGlite).
 */
export async function diffMigrationsToSchema(adapterFactory: SqlMigrationAwareDriverAdapterFactory): Promise<string> {
  const schema = await readSchema();
  const list = await readMigrationList();
  const from = list.migrationDirectories.length === 0 ? { tag: "empty" as const } : { tag: "migrations" as const, ...list };
  return withSchemaEngine(adapterFactory, schema, async (engine) => {
    const result = await engine.diff({
      from,
      to: { tag: "schemaDatamodel", files: [schema] },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    return result.stdout ?? "";
  });
}
