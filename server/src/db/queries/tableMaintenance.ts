// Planner statistics for the embedded database. PostgreSQL's autovacuum runs ANALYZE on a table
// once enough of it changed; PGlite has no autovacuum, so without this its planner never learns a
// table's size and keeps plans made for empty tables (sequential scans that grow with the data).

/** Tables with more changed rows since their last ANALYZE than autovacuum's default threshold (50 + 10%). */
export const TABLES_TO_ANALYZE_SQL = `
  SELECT s.relname AS "table"
  FROM pg_stat_user_tables s
  JOIN pg_class c ON c.oid = s.relid
  WHERE s.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0)
  ORDER BY s.n_mod_since_analyze DESC`;

/** ANALYZE of one table; the name comes from the catalogue, quoted as an identifier. */
export function analyzeTableSql(table: string): string {
  return `ANALYZE "${table.replace(/"/g, '""')}"`;
}
