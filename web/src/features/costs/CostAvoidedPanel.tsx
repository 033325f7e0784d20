// What fixes saved: each fixed flaky test and each team whose change failure rate fell, with the
// numbers the API multiplied.
import { testShortName, testWhere } from "../flaky/testName.ts";
import { formatDateIn } from "../../format/calendar.ts";
import { formatDecimal, formatHours, formatShare, formatUsd } from "../../format/costFigures.ts";
import type { HoursLostData } from "./apiTypes.ts";

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
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">Cost avoided by fixed flaky tests</caption>
            <thead>
              <tr>
                <th scope="col">Test</th>
                <th scope="col">Fixed on</th>
                <th scope="col" className="numeric">
                  Lost a week before
                </th>
                <th scope="col" className="numeric">
                  Weeks since
                </th>
                <th scope="col" className="numeric">
                  Avoided in {period}
                </th>
                <th scope="col" className="numeric">
                  Avoided since the fix
                </th>
              </tr>
            </thead>
            <tbody>
              {fixedTests.tests.map((t) => (
                <tr key={t.test.id}>
                  <th scope="row">
                    <span className="test-name">{testShortName(t.test)}</span>
                    <span className="test-where">{testWhere(t.test)}</span>
                  </th>
                  <td className="nowrap">{formatDateIn(t.fixDate, timeZone)}</td>
                  <td className="numeric">{formatHours(t.weeklyHoursBefore)}</td>
                  <td className="numeric">{formatDecimal(t.weeksSinceFix, 1)}</td>
                  <td className="numeric">
                    {formatHours(t.hoursInWindow)}
                    <span className="cell-sub">{formatUsd(t.costUsdInWindow)}</span>
                  </td>
                  <td className="numeric">
                    {formatHours(t.hours)}
                    <span className="cell-sub">{formatUsd(t.costUsd)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>Lower change failure rates</h3>
      {improved.length === 0 ? (
        <p className="muted">No team's change failure rate fell against the period before, so nothing is counted as avoided.</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">Cost avoided by lower change failure rates</caption>
            <thead>
              <tr>
                <th scope="col">Team</th>
                <th scope="col" className="numeric">
                  Failure rate before → now
                </th>
                <th scope="col" className="numeric">
                  Deployments
                </th>
                <th scope="col" className="numeric">
                  Hours per failure before
                </th>
                <th scope="col" className="numeric">
                  Avoided in {period}
                </th>
              </tr>
            </thead>
            <tbody>
              {improved.map((t) => (
                <tr key={t.team ?? "none"}>
                  <th scope="row">{t.team ?? "Services without a team"}</th>
                  <td className="numeric">
                    {t.baselineRate === null ? "–" : formatShare(t.baselineRate)} → {t.currentRate === null ? "–" : formatShare(t.currentRate)}
                  </td>
                  <td className="numeric">{t.currentDeployments}</td>
                  <td className="numeric">{t.baselineHoursPerFailure === null ? "–" : formatHours(t.baselineHoursPerFailure)}</td>
                  <td className="numeric">
                    {formatHours(t.hours)}
                    <span className="cell-sub">{formatUsd(t.costUsd)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
