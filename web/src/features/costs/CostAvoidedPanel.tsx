// What fixes saved: each fixed flaky test and each team whose change failure rate fell, with the
// numbers the API multiplied.
import { DataTable } from "../../components/DataTable.tsx";
import { formatDateIn } from "@keel/shared/calendar";
import { formatDecimal, formatHours, formatPercent, formatUsdCents } from "@keel/shared/numbers";
import type { HoursLostData } from "./apiTypes.ts";
import { TestNameCell } from "./TestNameCell.tsx";

interface CostAvoidedPanelProps {
  costAvoided: HoursLostData["costAvoided"];
  timeZone: string;
  /** How the period is named in column headers: "these weeks", "this week". */
  period: string;
}

export function CostAvoidedPanel({ costAvoided, timeZone, period }: CostAvoidedPanelProps) {
  const { fixedTests, deliveryImprovements } = costAvoided;
  const improved = deliveryImprovements.teams.filter((t) => t.hours > 0);
  return (
    <>
      <h3>Fixed flaky tests</h3>
      {fixedTests.tests.length === 0 ? (
        <p className="muted">No flaky test counts as fixed yet (fixed: at least 20 runs over at least 14 days without a flaky failure).</p>
      ) : (
        <DataTable
          caption="Cost avoided by fixed flaky tests"
          captionHidden
          rows={fixedTests.tests}
          rowKey={(t) => t.test.id}
          columns={[
            { key: "test", header: "Test", rowHeader: true, cell: (t) => <TestNameCell test={t.test} /> },
            { key: "fixed", header: "Fixed on", className: "nowrap", cell: (t) => formatDateIn(t.fixDate, timeZone) },
            { key: "before", header: "Lost a week before", numeric: true, cell: (t) => formatHours(t.weeklyHoursBefore) },
            { key: "since", header: "Weeks since", numeric: true, cell: (t) => formatDecimal(t.weeksSinceFix, 1) },
            { key: "window", header: `Avoided in ${period}`, numeric: true, cell: (t) => <HoursAndCost hours={t.hoursInWindow} costUsd={t.costUsdInWindow} /> },
            { key: "total", header: "Avoided since the fix", numeric: true, cell: (t) => <HoursAndCost hours={t.hours} costUsd={t.costUsd} /> },
          ]}
        />
      )}
      <h3>Lower change failure rates</h3>
      {improved.length === 0 ? (
        <p className="muted">No team's change failure rate fell against the period before, so nothing is counted as avoided.</p>
      ) : (
        <DataTable
          caption="Cost avoided by lower change failure rates"
          captionHidden
          rows={improved}
          rowKey={(t) => t.team ?? "none"}
          columns={[
            { key: "team", header: "Team", rowHeader: true, cell: (t) => t.team ?? "Services without a team" },
            {
              key: "rate",
              header: "Failure rate before → now",
              numeric: true,
              cell: (t) => (
                <>
                  {t.baselineRate === null ? "–" : formatPercent(t.baselineRate)} → {t.currentRate === null ? "–" : formatPercent(t.currentRate)}
                </>
              ),
            },
            { key: "deployments", header: "Deployments", numeric: true, cell: (t) => t.currentDeployments },
            {
              key: "perFailure",
              header: "Hours per failure before",
              numeric: true,
              cell: (t) => (t.baselineHoursPerFailure === null ? "–" : formatHours(t.baselineHoursPerFailure)),
            },
            { key: "window", header: `Avoided in ${period}`, numeric: true, cell: (t) => <HoursAndCost hours={t.hours} costUsd={t.costUsd} /> },
          ]}
        />
      )}
    </>
  );
}

/** Hours avoided, with their cost beneath. */
function HoursAndCost({ hours, costUsd }: { hours: number; costUsd: number }) {
  return (
    <>
      {formatHours(hours)}
      <span className="cell-sub">{formatUsdCents(costUsd)}</span>
    </>
  );
}
