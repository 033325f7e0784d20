// Table maintenance for the embedded database. PostgreSQL's autovacuum vacuums and analyzes a
// table once enough of it changed; PGlite has no autovacuum, so without this
// - its planner never learns a table's size and keeps plans made for empty tables (sequential
//   scans that grow with the data): ANALYZE;
// - no page is ever marked all-visible, so an index-only scan still reads every row from the
//   table (the DORA metrics read 93,000 lead times org-wide from an index, 2x slower without),
//   and rows replaced by updates are never reclaimed: VACUUM.
// The thresholds are autovacuum's defaults.

export interface TableMaintenance {
  table: string;
  /** VACUUM (ANALYZE) when the table needs vacuuming, ANALYZE alone when only statistics are stale. */
  action: "vacuum" | "analyze";
}

export const TABLES_NEEDING_MAINTENANCE_SQL = `
  SELECT "table", CASE WHEN "needsVacuum" THEN 'vacuum' ELSE 'analyze' END AS action
  FROM (
    SELECT s.relname AS "table",
           s.n_dead_tup > 50 + 0.2 * greatest(c.reltuples, 0) OR s.n_ins_since_vacuum > 1000 + 0.2 * greatest(c.reltuples, 0) AS "needsVacuum",
           s.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0) AS "needsAnalyze",
           s.n_mod_since_analyze + s.n_dead_tup AS changed
    FROM pg_stat_user_tables s
    JOIN pg_class c ON c.oid = s.relid
  ) t
  WHERE "needsVacuum" OR "needsAnalyze"
  ORDER BY changed DESC`;

/** The statement for one table; the name comes from the catalogue, quoted as an identifier. */
export function maintenanceSql({ table, action }: TableMaintenance): string {
  const name = `"${table.replace(/"/g, '""')}"`;
  return action === "vacuum" ? `VACUUM (ANALYZE) ${name}` : `ANALYZE ${name}`;
}
