// How the lists page, written once: newest first, ties broken by id so that a row never shows on
// two pages or on none, then a window of OFFSET/LIMIT; and the total the pages are of, counted over
// the same FROM … WHERE so the two always agree.
import { Prisma } from "../../../generated/prisma/client.ts";
import type { Tx } from "../../types.ts";

export interface PageRange {
  offset: number;
  limit: number;
}

/** One page of `query` (a SELECT without ORDER BY), newest `order.at` first. */
export function newestFirstPage<Row>(db: Tx, query: Prisma.Sql, order: { at: Prisma.Sql; id: Prisma.Sql }, page: PageRange): Promise<Row[]> {
  return db.$queryRaw<Row[]>(Prisma.sql`
    ${query}
    ORDER BY ${order.at} DESC, ${order.id} DESC
    OFFSET ${page.offset} LIMIT ${page.limit}`);
}

/** How many rows `fromWhere` (FROM … WHERE …) holds; `prefix` is the WITH clause it reads, if any. */
export async function rowCount(db: Tx, fromWhere: Prisma.Sql, prefix: Prisma.Sql = Prisma.empty): Promise<number> {
  const [row] = await db.$queryRaw<{ total: number }[]>(Prisma.sql`${prefix} SELECT count(*)::int AS total ${fromWhere}`);
  return row?.total ?? 0;
}
