// The Executive's headline figures: hours lost and their cost, capacity share, sprints lost and
// cost avoided, each against the period before where the API gives it.
import { formatDecimal, formatHours, formatHoursChange, formatPercent, formatUsdCents } from "@keel/shared/numbers";
import type { ReactNode } from "react";
import type { HoursLostData } from "./apiTypes.ts";

function Figure({ label, value, testId, children }: { label: string; value: string; testId: string; children?: ReactNode }) {
  return (
    <div className="figure" data-testid={testId}>
      <dt>{label}</dt>
      <dd>
        <span className="figure-value">{value}</span>
        {children ? <span className="figure-detail">{children}</span> : null}
      </dd>
    </div>
  );
}

export function ExecutiveFigures({ hours }: { hours: HoursLostData }) {
  const s = hours.summary;
  const weeks = formatDecimal(s.capacityBasis.weeks, 0);
  const avoided = hours.costAvoided;
  const engineers = s.capacityBasis.engineers;
  return (
    <dl className="figures">
      <Figure label="Engineering hours lost" value={formatHours(s.total)} testId="figure-hours">
        {formatHoursChange(s.change.total)} against the {weeks} weeks before ({formatHours(s.previous.total)})
      </Figure>
      <Figure label="Their cost" value={formatUsdCents(s.costUsd)} testId="figure-cost">
        at {formatUsdCents(hours.costModel.inputs.loadedHourlyRateUsd)} an hour, with {formatUsdCents(s.ciCostUsd)} of CI reruns
      </Figure>
      <Figure label="Share of capacity" value={s.capacityShare === null ? "Unknown" : formatPercent(s.capacityShare)} testId="figure-capacity">
        {s.capacityShare === null
          ? "no team in scope has a size set"
          : `of the time of ${engineers} engineers${s.capacityBasis.teamsWithoutSize.length ? ` (teams without a size not counted: ${s.capacityBasis.teamsWithoutSize.join(", ")})` : ""}`}
      </Figure>
      <Figure
        label="Sprints lost per month"
        value={s.sprintsLostPerMonth === null ? "Unknown" : formatDecimal(s.sprintsLostPerMonth, 2)}
        testId="figure-sprints"
      >
        {s.sprintsLostPerMonth === null ? "no team in scope has a size set" : `sprints of ${hours.costModel.inputs.sprintWeeks} weeks, for the whole team`}
      </Figure>
      <Figure label="Cost avoided" value={formatUsdCents(avoided.totalCostUsd)} testId="figure-avoided">
        {formatUsdCents(avoided.fixedTests.costUsd)} by fixed flaky tests since their fixes; {formatUsdCents(avoided.deliveryImprovements.costUsd)} by lower
        change failure rates than the {weeks} weeks before
      </Figure>
    </dl>
  );
}
