// What flakiness detection left out, listed apart: build attempts where most tests failed at once
// (infrastructure outages) and tests that failed on every attempt (broken, not flaky).
import { formatDateIn, formatDateTimeIn } from "@keel/shared/calendar";
import { formatCount } from "@keel/shared/numbers";
import type { FlakyTestsData } from "../costs/apiTypes.ts";
import { testShortName, testWhere } from "./testName.ts";

export function OutagesPanel({ data }: { data: FlakyTestsData }) {
  const { infrastructureOutages: outages, brokenTests: broken, timeZone } = data;
  return (
    <section className="panel" aria-labelledby="left-out-heading">
      <h2 id="left-out-heading">Left out of the ranking</h2>
      <h3>Infrastructure outages</h3>
      {outages.length === 0 ? (
        <p className="muted">None: no build attempt in these weeks had more than half of its tests fail.</p>
      ) : (
        <>
          <p className="muted">More than half of the tests failed in these build attempts, so their failures say nothing about any one test.</p>
          <ul className="plain-list">
            {outages.map((o) => (
              <li key={o.buildId}>
                <strong className="break">{o.buildId}</strong> ({o.serviceSlug ?? o.pipeline}, attempt {o.attempt}): {formatCount(o.failed)} of{" "}
                {formatCount(o.tests)} tests failed, {formatDateTimeIn(o.finishedAt, timeZone)}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>Broken tests</h3>
      {broken.length === 0 ? (
        <p className="muted">None: no test failed on every attempt of a commit in these weeks.</p>
      ) : (
        <>
          <p className="muted">These failed on every attempt of a commit: they fail for real, not at random, and cost no flaky-test hours.</p>
          <ul className="plain-list">
            {broken.map((b) => (
              <li key={b.testCaseId}>
                <span className="test-name">{testShortName(b)}</span>
                <span className="test-where">{testWhere(b)}</span>
                {formatCount(b.failedExecutions)} failed runs on {formatCount(b.shas)} commits, {formatDateIn(b.firstFailedAt, timeZone)} to{" "}
                {formatDateIn(b.lastFailedAt, timeZone)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
