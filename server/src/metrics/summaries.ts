// Business-language summaries (product.md "Business-language summaries"): sentences generated
// from the figures, never written by hand, each with "how this was computed": the formula, every
// input with its value, and the cost model version. Pure: the same figures give the same words.
import { COST_MODEL_INPUTS, type CostModelInputName } from "@keel/shared/costModelInputs";
import { countOf, formatHoursRounded, formatSmall } from "@keel/shared/numbers";
import { debtShareFormula, meetsDebtTarget } from "./investmentBalance.ts";
import { fig, hoursFig, usdFig, shareFig, type SummaryInput, type Figure, type HowComputed, type Summary } from "./summaryParts.ts";

export type { SummaryHours, SummaryInput, FigureUnit, Figure, HowComputed, Summary } from "./summaryParts.ts";

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "of its capacity" and the figures behind it, or why there is none. */
function capacityClause(s: SummaryInput, share: number | null, sprints: number | null): { text: string; figures: Figure[] } {
  if (share === null || sprints === null) {
    const why = s.scope.kind === "organisation" ? "no team has a size set" : "the team's size is not set";
    return { text: `; its share of capacity is unknown because ${why}`, figures: [] };
  }
  const whose =
    s.scope.kind === "organisation"
      ? `of the capacity of the ${countOf(s.hours.capacityBasis.engineers ?? 0, "engineer")} in teams with a size set`
      : "of its capacity";
  const shareF = shareFig("capacityShare", share);
  const sprintF = fig("sprintsLostPerMonth", sprints, "sprints", formatSmall(sprints));
  return { text: `, ${shareF.shown} ${whose}, ${sprintF.shown} sprints a month`, figures: [shareF, sprintF] };
}

function modelInputs(s: SummaryInput, names: CostModelInputName[]): HowComputed["inputs"] {
  return names.map((name) => ({ name, value: s.costModel.inputs[name], unit: COST_MODEL_INPUTS[name].unit }));
}

function capacityInputs(s: SummaryInput): HowComputed["inputs"] {
  return [
    { name: "engineers (team size)", value: s.hours.capacityBasis.engineers, unit: "people" },
    { name: "weeks in window", value: s.hours.capacityBasis.weeks, unit: "weeks" },
    ...(s.hours.capacityBasis.teamsWithoutSize.length
      ? [{ name: "teams without a size (not counted)", value: s.hours.capacityBasis.teamsWithoutSize.join(", "), unit: "" }]
      : []),
    ...modelInputs(s, ["hoursPerWeek", "sprintWeeks"]),
  ];
}

const CAPACITY_FORMULA = [
  "capacity share = hours lost ÷ (team size × hours per week × weeks in window)",
  "sprints lost per month = (hours lost ÷ weeks in window × 52/12) ÷ (team size × hours per week × sprint weeks)",
];

function flakySentence(s: SummaryInput): Summary {
  const h = s.hours;
  const hours = hoursFig("flakyTests", h.flakyTests);
  const usd = usdFig("flakyTestsCostUsd", h.costByCause.flakyTests);
  const cap = capacityClause(s, h.byCause.flakyTests.capacityShare, h.byCause.flakyTests.sprintsLostPerMonth);
  let text =
    h.counts.blockingFailures === 0
      ? `No flaky test blocked a build of ${s.scope.name} ${s.period}: flaky tests cost it ${hours.shown} engineer-hours (about ${usd.shown}).`
      : `Flaky tests cost ${s.scope.name} ${hours.shown} engineer-hours ${s.period} (about ${usd.shown}${cap.text}).`;
  const figures = h.counts.blockingFailures === 0 ? [hours, usd] : [hours, usd, ...cap.figures];
  if (s.topFix.tests > 0 && s.topFix.paybackWeeks !== null) {
    const effort = hoursFig("topFixEffortHours", s.topFix.effortHours);
    const payback = fig("topFixPaybackWeeks", s.topFix.paybackWeeks, "weeks", formatSmall(s.topFix.paybackWeeks));
    const which = s.topFix.tests === 1 ? "the top flaky test" : `the top ${s.topFix.tests}`;
    text += ` Fixing ${which} (about ${effort.shown} hours of work) pays back in ${payback.shown} weeks.`;
    figures.push(effort, payback);
  }
  return {
    id: "flakyTests",
    text,
    figures,
    howComputed: {
      formula: [
        "hours = Σ over blocking flaky failures of (context switch + wait factor × duration of the rerun attempt)",
        "cost = hours × loaded hourly rate + CI minutes of the reruns × CI cost per minute",
        ...CAPACITY_FORMULA,
        "fix payback = Σ fix effort of the top tests ÷ their weekly hours lost",
      ],
      inputs: [
        { name: "blocking flaky failures", value: h.counts.blockingFailures, unit: "failures" },
        { name: "rerun durations (sum)", value: h.counts.rerunHours, unit: "hours" },
        { name: "CI minutes of reruns", value: h.ciMinutes, unit: "minutes" },
        ...modelInputs(s, ["contextSwitchMinutes", "waitFactor", "loadedHourlyRateUsd", "ciCostPerMinuteUsd"]),
        ...capacityInputs(s),
        { name: "top tests' fix effort", value: s.topFix.effortHours, unit: "hours" },
        { name: "top tests' weekly hours lost", value: s.topFix.weeklyHoursLost, unit: "hours" },
      ],
      costModel: s.costModel.label,
    },
  };
}

function failedChangesSentence(s: SummaryInput): Summary {
  const h = s.hours;
  const hours = hoursFig("failedChangesHours", h.changeFailures + h.rework);
  const usd = usdFig("failedChangesCostUsd", h.costByCause.changeFailures + h.costByCause.rework);
  const incidents = fig("incidents", h.counts.incidents, "count", String(h.counts.incidents));
  const rework = fig("reworkDeployments", h.counts.reworkDeployments, "count", String(h.counts.reworkDeployments));
  const what = `${countOf(h.counts.incidents, "incident")} caused by changes and ${countOf(h.counts.reworkDeployments, "rollback or hotfix", "rollbacks or hotfixes")}`;
  return {
    id: "failedChanges",
    text: `Failed changes cost ${s.scope.name} ${hours.shown} engineer-hours ${s.period} (${what}), about ${usd.shown}.`,
    figures: [hours, incidents, rework, usd],
    howComputed: {
      formula: [
        "change-failure hours = Σ over incidents attributed to a deployment of recovery time × responders, each responder capped at 8 hours per calendar day",
        "rework hours = rework deployments × rework hours",
        "cost = hours × loaded hourly rate",
      ],
      inputs: [
        { name: "incidents attributed to a deployment (resolved in the period)", value: h.counts.incidents, unit: "incidents" },
        { name: "their recovery time (sum, uncapped)", value: h.counts.recoveryHours, unit: "hours" },
        { name: "capped hours × the incidents' own responders", value: h.counts.hoursWithOwnResponders, unit: "hours" },
        { name: "capped hours per responder, incidents without responders", value: h.counts.hoursPerDefaultResponder, unit: "hours" },
        { name: "rework deployments", value: h.counts.reworkDeployments, unit: "deployments" },
        ...modelInputs(s, ["incidentResponders", "reworkHoursPerDeployment", "loadedHourlyRateUsd"]),
      ],
      costModel: s.costModel.label,
    },
  };
}

function totalSentence(s: SummaryInput): Summary {
  const h = s.hours;
  const hours = hoursFig("total", h.total);
  const usd = usdFig("costUsd", h.costUsd);
  const cap = capacityClause(s, h.capacityShare, h.sprintsLostPerMonth);
  const before = hoursFig("previousTotal", s.previous.total);
  const direction =
    formatHoursRounded(h.total) === formatHoursRounded(s.previous.total) ? "about the same as" : h.total > s.previous.total ? "up from" : "down from";
  return {
    id: "total",
    text: `In all, ${s.scope.name} lost ${hours.shown} engineer-hours ${s.period} (about ${usd.shown}${cap.text}), ${direction} ${before.shown} hours ${s.previousPeriod}.`,
    figures: [hours, usd, ...cap.figures, before],
    howComputed: {
      formula: ["engineering hours lost = flaky-test hours + change-failure hours + rework hours", "cost = Σ cost of each cause", ...CAPACITY_FORMULA],
      inputs: [
        { name: "flaky-test hours", value: h.flakyTests, unit: "hours" },
        { name: "change-failure hours", value: h.changeFailures, unit: "hours" },
        { name: "rework hours", value: h.rework, unit: "hours" },
        { name: "previous period's hours", value: s.previous.total, unit: "hours" },
        ...capacityInputs(s),
      ],
      costModel: s.costModel.label,
    },
  };
}

function fixedTestsSentence(s: SummaryInput): Summary | null {
  const f = s.fixedTests;
  if (f.tests.length === 0) return null;
  const inPeriod = hoursFig("fixedTestsHoursInPeriod", f.hoursInWindow);
  const inPeriodUsd = usdFig("fixedTestsCostUsdInPeriod", f.costUsdInWindow);
  const since = hoursFig("fixedTestsHours", f.hours);
  const sinceUsd = usdFig("fixedTestsCostUsd", f.costUsd);
  const which = f.tests.length === 1 ? "Fixing a flaky test" : `Fixing ${f.tests.length} flaky tests`;
  return {
    id: "fixedTests",
    text: `${which} saved ${s.scope.name} about ${inPeriod.shown} engineer-hours ${s.period} (about ${inPeriodUsd.shown}), and ${since.shown} hours (about ${sinceUsd.shown}) since the fix.`,
    figures: [inPeriod, inPeriodUsd, since, sinceUsd],
    howComputed: {
      formula: [
        "cost avoided = average weekly hours lost in the 4 weeks before the fix date × weeks since the fix date (at most 52)",
        "a test is fixed after at least 20 runs over at least 14 days with no flaky failure; its fix date is its last flaky failure",
      ],
      inputs: f.tests.flatMap((t) => [
        { name: `${t.name}: fix date`, value: t.fixDate.slice(0, 10), unit: "" },
        { name: `${t.name}: weekly hours lost before the fix`, value: t.weeklyHoursBefore, unit: "hours" },
        { name: `${t.name}: weeks since the fix`, value: t.weeksSinceFix, unit: "weeks" },
      ]),
      costModel: s.costModel.label,
    },
  };
}

function deliverySentence(s: SummaryInput): Summary | null {
  const improved = s.delivery.teams.filter((t) => t.hours > 0 && t.baselineRate !== null && t.currentRate !== null);
  if (improved.length === 0) return null;
  const hours = hoursFig("deliveryHours", s.delivery.hours);
  const usd = usdFig("deliveryCostUsd", s.delivery.costUsd);
  const figures: Figure[] = [];
  const rates = improved.map((t) => {
    const b = shareFig(`${t.team ?? "no team"}.baselineRate`, t.baselineRate ?? 0);
    const c = shareFig(`${t.team ?? "no team"}.currentRate`, t.currentRate ?? 0);
    figures.push(b, c);
    return `${t.team ?? "services without a team"} ${b.shown} → ${c.shown}`;
  });
  const subject = improved.length === 1 ? "A lower change failure rate" : "Lower change failure rates";
  return {
    id: "deliveryImprovement",
    text: `${subject} (${rates.join(", ")}, against ${s.previousPeriod}) avoided about ${hours.shown} engineer-hours ${s.period} (about ${usd.shown}).`,
    figures: [...figures, hours, usd],
    howComputed: {
      formula: [
        "cost avoided = (baseline change failure rate − current) × current deployments × baseline hours per failure, never negative",
        "baseline = the same-length period before; hours per failure = its change-failure and rework hours ÷ its failed deployments",
      ],
      inputs: improved.flatMap((t) => [
        { name: `${t.team ?? "no team"}: baseline rate`, value: t.baselineRate, unit: "fraction" },
        { name: `${t.team ?? "no team"}: current rate`, value: t.currentRate, unit: "fraction" },
        { name: `${t.team ?? "no team"}: current deployments`, value: t.currentDeployments, unit: "deployments" },
        { name: `${t.team ?? "no team"}: baseline hours per failure`, value: t.baselineHoursPerFailure, unit: "hours" },
      ]),
      costModel: s.costModel.label,
    },
  };
}

function investmentSentences(s: SummaryInput): Summary[] {
  return s.investment.flatMap((t): Summary[] => {
    if (t.debtShare === null || t.unclassifiedShare === null) return [];
    const debt = shareFig(`${t.team}.debtShare`, t.debtShare);
    const target = shareFig(`${t.team}.target`, t.target);
    const other = shareFig(`${t.team}.unclassifiedShare`, t.unclassifiedShare);
    // One rule with the balance's status and "is the debt paying off" (investmentBalance.ts).
    const side = !meetsDebtTarget(t.debtShare, t.target) ? "below" : debt.shown === target.shown ? "on" : "above";
    return [
      {
        id: "investment",
        text: `${capitalized(t.name)} spent ${debt.shown} of its ${countOf(t.changes, "change")} ${s.period} on debt, ${side} its ${target.shown} target (${other.shown} unclassified).`,
        figures: [debt, fig(`${t.team}.changes`, t.changes, "count", String(t.changes)), target, other],
        howComputed: {
          formula: [debtShareFormula("the period"), "category: explicit > labels > Conventional Commits prefix > other (unclassified)"],
          inputs: [
            { name: "changes", value: t.changes, unit: "changes" },
            { name: "debt target", value: t.target, unit: "fraction" },
          ],
          costModel: s.costModel.label,
        },
      },
    ];
  });
}

export function buildSummaries(s: SummaryInput): Summary[] {
  return [flakySentence(s), failedChangesSentence(s), totalSentence(s), fixedTestsSentence(s), deliverySentence(s), ...investmentSentences(s)].filter(
    (x): x is Summary => x !== null,
  );
}
