import { useMemo } from "react";
import { EChart } from "../../charts/EChart.tsx";
import { longestPhase, PR_PHASES, pullRequestPhasesLabel, pullRequestPhasesOption } from "../../charts/options/pullRequestPhases.ts";
import { QueryError } from "../../components/QueryView.tsx";
import { EmptyState, LoadingState } from "../../components/StateMessage.tsx";
import { formatHours } from "@keel/shared/numbers";
import type { ScopeFilters } from "../filters/urlFilters.ts";
import type { DoraPullRequests } from "./apiTypes.ts";
import { useDoraPullRequests } from "./useDoraReport.ts";

/** "Where pull requests wait": each phase's median per week, stacked, over the report's window. */
export function PullRequestPhases({ filters, window }: { filters: ScopeFilters; window: { from: string; to: string } }) {
  const answer = useDoraPullRequests(filters, window);
  return (
    <section className="panel pr-phases" aria-labelledby="pr-phases-heading" data-testid="pr-phases">
      <h2 id="pr-phases-heading">Where pull requests wait</h2>
      {answer.data ? (
        <PhasesBody report={answer.data} />
      ) : answer.isError ? (
        <QueryError title="The pull-request phases could not be loaded." query={answer} />
      ) : (
        <LoadingState label="Loading the pull-request phases…" chart />
      )}
    </section>
  );
}

function PhasesBody({ report }: { report: DoraPullRequests }) {
  const option = useMemo(() => pullRequestPhasesOption(report.series), [report]);
  const { summary } = report;
  if (summary.pullRequests === 0) {
    return (
      <EmptyState>
        No pull requests were deployed in this period. Send <code>prNumber</code>, <code>prOpenedAt</code>, <code>prFirstReviewAt</code> and{" "}
        <code>prMergedAt</code> with your change events to see where they wait.
      </EmptyState>
    );
  }
  const longest = longestPhase(summary);
  const unmeasured = PR_PHASES.filter((p) => summary[p.key].medianHours === null).map((p) => p.label.toLowerCase());
  return (
    <>
      <p className="trend-caption" data-testid="pr-phases-sentence">
        {longest
          ? `${longest.label} is where pull requests wait longest: ${formatHours(longest.medianHours)} median over ${summary.pullRequests} deployed pull request${summary.pullRequests === 1 ? "" : "s"}.`
          : "No phase can be measured yet: the pull requests lack the needed timestamps."}
        {longest && unmeasured.length > 0 ? ` No data for ${unmeasured.join(", ")}: their timestamps were not sent.` : ""}
        {summary.undeployed > 0 ? ` ${summary.undeployed} merged pull request${summary.undeployed === 1 ? " is" : "s are"} not deployed yet.` : ""}
      </p>
      <EChart option={option} ariaLabel={pullRequestPhasesLabel(report.series, summary)} className="chart-tall" />
    </>
  );
}
