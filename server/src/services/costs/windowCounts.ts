// The count rows of one window, per (team, week): flaky test failures, attributed incidents and
// rework deployments, read by the three cost queries at once.
import type { Db } from "../../db/client.ts";
import { changeFailureHoursRows } from "../../db/queries/costs/changeFailureHours.ts";
import { flakyCostRows, type FlakyCostRow } from "../../db/queries/costs/flakyCosts.ts";
import { reworkRows } from "../../db/queries/costs/reworkHours.ts";
import type { CostQuery } from "../../db/queries/costs/scope.ts";
import type { CountRow } from "../../metrics/hoursLostReport.ts";

export interface WindowCounts {
  rows: CountRow[];
  /** The flaky rows per test, for rankings. */
  flaky: FlakyCostRow[];
}

export async function windowCounts(db: Db, q: CostQuery): Promise<WindowCounts> {
  const [flaky, incidents, rework] = await Promise.all([flakyCostRows(db, q), changeFailureHoursRows(db, q), reworkRows(db, q)]);
  const rows: CountRow[] = [
    ...flaky.map(({ teamId, week, flakyFailures, blockingFailures, rerunHours, rerunsUnknown, ciMinutes }) => ({
      teamId,
      week,
      counts: { flakyFailures, blockingFailures, rerunHours, rerunsUnknown, ciMinutes },
    })),
    ...incidents.map(({ teamId, week, incidents: n, recoveryHours, hoursWithOwnResponders, hoursPerDefaultResponder, incidentsWithDefaultResponders }) => ({
      teamId,
      week,
      counts: { incidents: n, recoveryHours, hoursWithOwnResponders, hoursPerDefaultResponder, incidentsWithDefaultResponders },
    })),
    ...rework.map(({ teamId, week, rework: n }) => ({ teamId, week, counts: { reworkDeployments: n } })),
  ];
  return { rows, flaky };
}
