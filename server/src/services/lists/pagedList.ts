// How the Deployments and Incidents services answer, written once: the window and scope as the
// DORA metrics resolve them, one page and the total over all pages read together, then the page's
// rows made items (which may read more, for those rows only), with the window and time zone echoed.
import type { MetricFiltersData } from "@keel/shared";
import type { Db } from "../../db/client.ts";
import type { DoraQuery } from "../../db/queries/dora/fragments.ts";
import type { PageRange } from "../../db/queries/lists/paging.ts";
import { listPage, listScope, type ListPage } from "./listScope.ts";

export interface PagedListReads<Row, Item> {
  page: (q: DoraQuery, page: PageRange) => Promise<Row[]>;
  count: (q: DoraQuery) => Promise<number>;
  items: (q: DoraQuery, rows: Row[]) => Promise<Item[]>;
}

export async function pagedList<Row, Item>(db: Db, input: MetricFiltersData & PageRange, reads: PagedListReads<Row, Item>): Promise<ListPage<Item>> {
  const { q, timeZone } = await listScope(db, input);
  const page = { offset: input.offset, limit: input.limit };
  const [rows, total] = await Promise.all([reads.page(q, page), reads.count(q)]);
  return listPage(q, timeZone, total, page, await reads.items(q, rows));
}
