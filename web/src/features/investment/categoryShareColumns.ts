// One numeric column per change category, its share of the row's changes ("–" without changes):
// the same columns in the Investment view's tables and the weekly report's.
import { INVESTMENT_CATEGORIES, type CategoryName } from "../../charts/options/investmentShares.ts";
import type { Column } from "../../components/DataTable.tsx";
import { formatPercent } from "@keel/shared/numbers";

type Shares = Readonly<Partial<Record<CategoryName, number | null>>>;

export function categoryShareColumns<Row>(sharesOf: (row: Row) => Shares): Column<Row>[] {
  return INVESTMENT_CATEGORIES.map((c) => ({
    key: c.key,
    header: c.label,
    numeric: true,
    cell: (row: Row) => {
      const share = sharesOf(row)[c.key];
      return share === null ? "–" : formatPercent(share ?? 0);
    },
  }));
}
