// One flaky test in detail: where it lives, its state and dates, what it cost, its flaky
// failures week by week, its runs commit by commit, and its fix effort and payback.
import { useEffect, useMemo, useRef } from "react";
import { EChart } from "../../charts/EChart.tsx";
import { Fact } from "../../components/Fact.tsx";
import { flakyHistoryLabel, flakyHistoryOption } from "../../charts/options/flakyHistory.ts";
import { formatDateIn } from "@keel/shared/calendar";
import { formatCount, formatHours, formatUsdCents } from "@keel/shared/numbers";
import type { CostFiltersQuery, FlakyTestData } from "../costs/apiTypes.ts";
import { FixEffortForm } from "./FixEffortForm.tsx";
import type { AvoidedByFix } from "./FlakyTable.tsx";
import { paybackText } from "./payback.ts";
import { RunsByCommit } from "./RunsByCommit.tsx";
import { STATE_TEXT } from "./flakyStates.ts";
import { testShortName } from "./testName.ts";

interface FlakyDetailProps {
  test: FlakyTestData;
  /** The ranking's window and filters: the runs shown are the ones it counted. */
  filters: CostFiltersQuery;
  timeZone: string;
  onClose: () => void;
  avoided: AvoidedByFix | undefined;
}

export function FlakyDetail({ test, filters, timeZone, onClose, avoided }: FlakyDetailProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Keyboard and screen reader users land on the details they asked for.
  useEffect(() => {
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView?.({ block: "nearest" });
  }, [test.id]);
  const option = useMemo(() => flakyHistoryOption(test.history), [test.history]);
  const state = STATE_TEXT[test.state];
  const weeksWithFailures = test.history.filter((w) => w.flakyFailures > 0).length;

  return (
    <section id="flaky-detail" className="panel flaky-detail" aria-labelledby="flaky-detail-heading">
      <div className="detail-header">
        <h2 id="flaky-detail-heading" ref={headingRef} tabIndex={-1}>
          {testShortName(test)}
        </h2>
        <button type="button" className="button button-quiet" onClick={onClose}>
          Close details
        </button>
      </div>
      <dl className="facts">
        <Fact term="Suite" className="break">
          {test.suite}
        </Fact>
        <Fact term="Service">{test.service ?? test.repository ?? "–"}</Fact>
        {test.variant ? <Fact term="Variant">{test.variant}</Fact> : null}
        <Fact term="State">
          <span className={`badge badge-state-${test.state}`}>{state.label}</span> <span className="muted">{state.meaning}</span>
        </Fact>
        <Fact term="First flaky failure">{formatDateIn(test.firstSeen, timeZone)}</Fact>
        <Fact term="Last flaky failure">
          {formatDateIn(test.lastSeen, timeZone)}
          {test.fixDate ? " (its fix date)" : ""}
        </Fact>
        <Fact term="Hours lost">
          {formatHours(test.hoursLost)} ({formatUsdCents(test.costUsd)}), {formatHours(test.weeklyHoursLost)} a week
        </Fact>
        <Fact term="Flaky failures">
          {formatCount(test.flakyFailures)}, of which {formatCount(test.blockingFailures)} blocked a build
        </Fact>
        <Fact term="Fix pays back in">{paybackText(test)}</Fact>
        {avoided ? (
          <Fact term="Avoided since the fix" testId="flaky-avoided">
            {formatHours(avoided.hours)} ({formatUsdCents(avoided.costUsd)})
          </Fact>
        ) : null}
      </dl>

      <h3>Flaky failures per week</h3>
      <p className="muted">
        A flaky failure is a failed run on a commit where the same test also passed. It blocks a build when it made that run fail; a retry inside the same run
        does not block. {weeksWithFailures === 0 ? "None in these weeks." : ""}
      </p>
      <EChart option={option} ariaLabel={flakyHistoryLabel(testShortName(test), test.history)} className="chart-small" />

      <h3>Runs by commit</h3>
      <RunsByCommit testId={test.id} filters={filters} timeZone={timeZone} />

      {test.state === "fixed" ? null : (
        <>
          <h3>Fix effort</h3>
          <FixEffortForm key={test.id} testId={test.id} hours={test.fixEffortHours} isEstimate={test.fixEffortIsEstimate} />
        </>
      )}
    </section>
  );
}
