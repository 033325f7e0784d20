// One numeric column per cause of hours lost, the row's hours for it: the same columns in the
// hours-by-week table and the weekly report's hours by team.
import { HOURS_LOST_CAUSES } from "../../charts/options/hoursLostByCause.ts";
import type { Column } from "../../components/DataTable.tsx";
import { formatHours } from "@keel/shared/numbers";

type CauseHours = Readonly<Record<(typeof HOURS_LOST_CAUSES)[number]["key"], number>>;

export function causeHoursColumns<Row>(hoursOf: (row: Row) => CauseHours): Column<Row>[] {
  return HOURS_LOST_CAUSES.map((c) => ({ key: c.key, header: c.label, numeric: true, cell: (row: Row) => formatHours(hoursOf(row)[c.key]) }));
}
