// EXPLAIN ANALYZE of a composed query, for the benchmark's plans (server/bench/metrics.ts).
import { Prisma } from "../../../generated/prisma/client.ts";
import type { Tx } from "../../types.ts";

export async function explainAnalyze(db: Tx, sql: Prisma.Sql): Promise<string> {
  const rows = await db.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`);
  return rows.map((r) => r["QUERY PLAN"]).join("\n");
}
