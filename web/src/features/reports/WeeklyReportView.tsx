// The weekly health report as accessible HTML sections, rendered from reports.weekly's JSON (React
// escapes every text; nothing is injected as HTML): the summaries, the DORA metrics, hours lost by
// cause, cost avoided, the top flaky tests, investment balance, the week's incidents and the
// cost model.
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../api/trpc.ts";
import { EmptyState } from "../../components/StateMessage.tsx";
import { dateRangeLabel, formatSpanIn, localDateIn } from "../../format/calendar.ts";
import { formatCount } from "../../format/counts.ts";
import { formatDecimal, formatHours, formatPointsChange, formatShare, formatUsd } from "../../format/costFigures.ts";
import { HOURS_LOST_CAUSES } from "../../charts/options/hoursLostByCause.ts";
import { INVESTMENT_CATEGORIES } from "../../charts/options/investmentShares.ts";
import type { WeeklyReportData } from "../costs/apiTypes.ts";
import { CostAvoidedPanel } from "../costs/CostAvoidedPanel.tsx";
import { inputValueText } from "../costs/HowComputed.tsx";
import { QueryView } from "../costs/QueryView.tsx";
import { SummaryList } from "../costs/SummaryList.tsx";
import { paybackText } from "../flaky/payback.ts";
import { testShortName, testWhere } from "../flaky/testName.ts";
import { doraRows } from "./doraRows.ts";
import { MarkdownDownload } from "./MarkdownDownload.tsx";

export function WeeklyReportView({ week, team }: { week: string; team: string | undefined }) {
  const trpc = useTRPC();
  const report = useQuery(trpc.reports.weekly.queryOptions(team ? { week, team } : { week }));
  return (
    <QueryView query={report} loadingLabel="Loading the weekly report…" lines={6} errorTitle="The weekly report could not be loaded.">
      {(r) => <Report r={r} />}
    </QueryView>
  );
}

function Report({ r }: { r: WeeklyReportData }) {
  const scope = r.team ? `${r.team.name} team` : "the organisation";
  const from = localDateIn(new Date(r.window.from), r.timeZone);
  const lastDay = localDateIn(new Date(Date.parse(r.window.to) - 1), r.timeZone);
  return (
    <article className="weekly-report" aria-labelledby="report-heading" data-week={r.week}>
      <header className="panel report-header">
        <h2 id="report-heading">
          Weekly health report {r.week}: {scope}
        </h2>
        <p className="muted">
          Monday to Sunday, {dateRangeLabel(from, lastDay)} ({r.timeZone}), production. Compared with {r.previousWeek}. DORA levels: the {r.dora.thresholdsYear}{" "}
          report. Cost model: {r.costModel.label}.
        </p>
        {isEmptyWeek(r) ? (
          <p className="lead" role="note">
            Keel has no deployment, change, incident or flaky failure for {scope} in this week: every figure below is zero or blank.
          </p>
        ) : null}
        <MarkdownDownload week={r.week} team={r.team?.slug} />
      </header>

      <section className="panel" aria-labelledby="report-summary">
        <h2 id="report-summary">Summary</h2>
        <SummaryList summaries={r.summaries} />
      </section>

      <section className="panel" aria-labelledby="report-dora">
        <h2 id="report-dora">DORA metrics</h2>
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Metric</th>
                <th scope="col" className="numeric">
                  This week
                </th>
                <th scope="col">Level</th>
                <th scope="col" className="numeric">
                  Previous week
                </th>
                <th scope="col" className="numeric">
                  Change
                </th>
              </tr>
            </thead>
            <tbody>
              {doraRows(r.dora.summary).map((row) => (
                <tr key={row.metric}>
                  <th scope="row">{row.metric}</th>
                  <td className="numeric">{row.thisWeek}</td>
                  <td>{row.level}</td>
                  <td className="numeric">{row.previous}</td>
                  <td className="numeric">{row.change}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <HoursSection r={r} />

      <section className="panel" aria-labelledby="report-avoided">
        <h2 id="report-avoided">Cost avoided</h2>
        <CostAvoidedPanel costAvoided={r.costAvoided} timeZone={r.timeZone} period="this week" />
      </section>

      <FlakySection r={r} />
      <InvestmentSection r={r} />
      <IncidentsSection r={r} />
      <CostModelSection r={r} />
    </article>
  );
}

function isEmptyWeek(r: WeeklyReportData): boolean {
  return (
    r.dora.summary.deploymentFrequency.deployments === 0 &&
    r.investment.total.changes === 0 &&
    r.incidents.length === 0 &&
    r.hoursLost.total === 0 &&
    r.flaky.total === 0
  );
}

function HoursSection({ r }: { r: WeeklyReportData }) {
  const h = r.hoursLost;
  const what = {
    flakyTests: `${formatCount(h.counts.blockingFailures)} blocking flaky failures`,
    changeFailures: `${formatCount(h.counts.incidents)} incidents attributed to a deployment`,
    rework: `${formatCount(h.counts.reworkDeployments)} rollbacks or hotfixes`,
  };
  const b = h.capacityBasis;
  return (
    <section className="panel" aria-labelledby="report-hours">
      <h2 id="report-hours">Engineering hours lost</h2>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Cause</th>
              <th scope="col">What</th>
              <th scope="col" className="numeric">
                Hours
              </th>
              <th scope="col" className="numeric">
                Cost
              </th>
              <th scope="col" className="numeric">
                Previous week
              </th>
            </tr>
          </thead>
          <tbody>
            {HOURS_LOST_CAUSES.map((c) => (
              <tr key={c.key}>
                <th scope="row">{c.label}</th>
                <td>{what[c.key]}</td>
                <td className="numeric">{formatHours(h[c.key])}</td>
                <td className="numeric">{formatUsd(h.costByCause[c.key])}</td>
                <td className="numeric">{formatHours(h.previous[c.key])}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <td />
              <td className="numeric">{formatHours(h.total)}</td>
              <td className="numeric" data-testid="report-total-cost">
                {formatUsd(h.costUsd)}
              </td>
              <td className="numeric">{formatHours(h.previous.total)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="table-note">
        {h.capacityShare === null || h.sprintsLostPerMonth === null
          ? "Capacity share: unknown (no team size is set for this scope), not zero."
          : `Capacity share: ${formatShare(h.capacityShare)} of ${r.team ? `the team's ${b.engineers} engineers` : `the ${b.engineers} engineers of teams with a known size`}; ${formatDecimal(h.sprintsLostPerMonth, 2)} sprints lost per month.`}{" "}
        CI minutes burned by flaky reruns: {formatDecimal(h.ciMinutes, 0)} ({formatUsd(h.ciCostUsd)}).
      </p>
      {r.team === null && r.byTeam.length > 0 ? (
        <div className="table-scroll">
          <table>
            <caption>By team</caption>
            <thead>
              <tr>
                <th scope="col">Team</th>
                {HOURS_LOST_CAUSES.map((c) => (
                  <th key={c.key} scope="col" className="numeric">
                    {c.label}
                  </th>
                ))}
                <th scope="col" className="numeric">
                  Total
                </th>
                <th scope="col" className="numeric">
                  Cost
                </th>
              </tr>
            </thead>
            <tbody>
              {r.byTeam.map((t) => (
                <tr key={t.team}>
                  <th scope="row">{t.name}</th>
                  {HOURS_LOST_CAUSES.map((c) => (
                    <td key={c.key} className="numeric">
                      {formatHours(t.summary[c.key])}
                    </td>
                  ))}
                  <td className="numeric">{formatHours(t.summary.total)}</td>
                  <td className="numeric">{formatUsd(t.summary.costUsd)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function FlakySection({ r }: { r: WeeklyReportData }) {
  const { infrastructureOutages: outages, brokenTests: broken } = r.flaky;
  return (
    <section className="panel" aria-labelledby="report-flaky">
      <h2 id="report-flaky">Top flaky tests by hours lost</h2>
      {r.topFlakyTests.length === 0 ? (
        <p className="muted">No flaky failure this week.</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col" className="numeric">
                  #
                </th>
                <th scope="col">Test</th>
                <th scope="col">State</th>
                <th scope="col" className="numeric">
                  Flaky failures
                </th>
                <th scope="col" className="numeric">
                  Blocking
                </th>
                <th scope="col" className="numeric">
                  Hours lost
                </th>
                <th scope="col" className="numeric">
                  Cost
                </th>
                <th scope="col" className="numeric">
                  Fix pays back in
                </th>
              </tr>
            </thead>
            <tbody>
              {r.topFlakyTests.map((t, i) => (
                <tr key={t.id}>
                  <td className="numeric">{i + 1}</td>
                  <th scope="row">
                    <span className="test-name">{testShortName(t)}</span>
                    <span className="test-where">{testWhere(t)}</span>
                  </th>
                  <td>
                    <span className={`badge badge-state-${t.state}`}>{t.state}</span>
                  </td>
                  <td className="numeric">{formatCount(t.flakyFailures)}</td>
                  <td className="numeric">{formatCount(t.blockingFailures)}</td>
                  <td className="numeric">{formatHours(t.hoursLost)}</td>
                  <td className="numeric">{formatUsd(t.costUsd)}</td>
                  <td className="numeric">{paybackText(t)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {outages.length ? (
        <p className="table-note">
          Infrastructure outages (left out of flakiness):{" "}
          {outages.map((o) => `${o.buildId} (${o.failed} of ${o.tests} tests failed)`).join("; ")}.
        </p>
      ) : null}
      {broken.length ? (
        <p className="table-note">
          Broken tests (failed on every attempt; not flaky, no hours):{" "}
          {broken.map((b) => `${testShortName(b)} (${b.failedExecutions} failures)`).join("; ")}.
        </p>
      ) : null}
    </section>
  );
}

function InvestmentSection({ r }: { r: WeeklyReportData }) {
  return (
    <section className="panel" aria-labelledby="report-investment">
      <h2 id="report-investment">Investment balance</h2>
      {r.investment.teams.length === 0 ? (
        <p className="muted">No team in scope.</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Team</th>
                <th scope="col" className="numeric">
                  Changes
                </th>
                {INVESTMENT_CATEGORIES.map((c) => (
                  <th key={c.key} scope="col" className="numeric">
                    {c.label}
                  </th>
                ))}
                <th scope="col" className="numeric">
                  Debt target
                </th>
                <th scope="col">Debt vs target</th>
                <th scope="col" className="numeric">
                  Hours lost
                </th>
              </tr>
            </thead>
            <tbody>
              {r.investment.teams.map((t) => (
                <tr key={t.team}>
                  <th scope="row">{t.name}</th>
                  <td className="numeric">{formatCount(t.total.changes)}</td>
                  {INVESTMENT_CATEGORIES.map((c) => (
                    <td key={c.key} className="numeric">
                      {t.total.shares[c.key] === null ? "–" : formatShare(t.total.shares[c.key] ?? 0)}
                    </td>
                  ))}
                  <td className="numeric">
                    {formatShare(t.target)}
                    {t.targetSource === "team" ? " (team)" : ""}
                  </td>
                  <td>
                    {t.total.status === "no changes" || t.total.againstTarget === null ? (
                      "no changes"
                    ) : (
                      <>
                        <span className={`badge badge-${t.total.status}`}>{t.total.status}</span> {formatPointsChange(t.total.againstTarget)}
                      </>
                    )}
                  </td>
                  <td className="numeric">{formatHours(t.hoursLost.reduce((s, b) => s + b.total, 0))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function IncidentsSection({ r }: { r: WeeklyReportData }) {
  return (
    <section className="panel" aria-labelledby="report-incidents">
      <h2 id="report-incidents">Incidents</h2>
      {r.incidents.length === 0 ? (
        <EmptyState>No incident was open this week.</EmptyState>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Incident</th>
                <th scope="col">Service</th>
                <th scope="col">Open</th>
                <th scope="col" className="numeric">
                  Recovery
                </th>
                <th scope="col" className="numeric">
                  Responders
                </th>
                <th scope="col">Change failure</th>
                <th scope="col" className="numeric">
                  Hours lost
                </th>
                <th scope="col" className="numeric">
                  Cost
                </th>
              </tr>
            </thead>
            <tbody>
              {r.incidents.map((i) => (
                <tr key={i.id}>
                  <th scope="row">
                    <span className="test-name">{i.title ?? i.id}</span>
                    <span className="test-where">{i.id}</span>
                  </th>
                  <td>
                    {i.service ?? "–"}
                    <span className="cell-sub">{i.severity ?? "no severity"}</span>
                  </td>
                  <td>{formatSpanIn(i.openedAt, i.resolvedAt, r.timeZone)}</td>
                  <td className="numeric">{i.recoveryHours === null ? "–" : formatHours(i.recoveryHours)}</td>
                  <td className="numeric">
                    {i.responders}
                    {i.respondersFromModel ? " (default)" : ""}
                  </td>
                  <td>{i.changeFailure ? (i.counted ? "yes" : "yes, not counted this week") : "no"}</td>
                  <td className="numeric">{i.counted ? formatHours(i.hoursLost) : "–"}</td>
                  <td className="numeric">{i.counted ? formatUsd(i.costUsd) : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function CostModelSection({ r }: { r: WeeklyReportData }) {
  const m = r.costModel.inputs;
  const rows: [string, string][] = [
    ["Loaded hourly rate", `${formatUsd(m.loadedHourlyRateUsd)} an hour`],
    ["Hours per week", inputValueText(m.hoursPerWeek, "hours")],
    ["Sprint length", inputValueText(m.sprintWeeks, "weeks")],
    ["Context switch per blocking failure", inputValueText(m.contextSwitchMinutes, "minutes")],
    ["Wait factor", inputValueText(m.waitFactor, "fraction")],
    ["CI cost per minute", `$${m.ciCostPerMinuteUsd}`],
    ["Incident responders (default)", inputValueText(m.incidentResponders, "people")],
    ["Rework hours per rework deployment", inputValueText(m.reworkHoursPerDeployment, "hours")],
    ["Fix effort per flaky test (default)", inputValueText(m.fixEffortHours, "hours")],
  ];
  return (
    <section className="panel" aria-labelledby="report-model">
      <h2 id="report-model">Cost model</h2>
      <p className="muted">{r.costModel.label}</p>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Input</th>
              <th scope="col" className="numeric">
                Value
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([name, value]) => (
              <tr key={name}>
                <th scope="row">{name}</th>
                <td className="numeric">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
