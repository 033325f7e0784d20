// The weekly report as a neutral document (headings, paragraphs, tables, summaries), built once
// from the report's figures and rendered to Markdown or HTML, so both formats say the same thing.
// Texts here are plain: each renderer escapes them for its format.
import { formatDecimal, formatHours, formatHoursRounded, formatPercent, formatUsdCents } from "@keel/shared/numbers";
import { COST_MODEL_INPUT_NAMES, costModelInputLabel, costModelValueText } from "@keel/shared/costModelInputs";
import { CATEGORIES } from "../metrics/investmentBalance.ts";
import type { Summary } from "../metrics/summaries.ts";
import { SLIPPED_BASELINE_WEEKS, type WeeklyReport } from "../services/getWeeklyReport.ts";
import { goalsBlocks } from "./goalsSection.ts";
import { countChange, DASH, hoursCell, hoursChange, inputValue, levelCell, num, pct, points, testLabel } from "./reportCells.ts";
import { metricLabel } from "@keel/shared/metricCatalogue";

export type Block =
  | { kind: "heading"; level: 1 | 2; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "table"; head: string[]; rows: { cells: string[]; strong?: boolean }[]; numeric: boolean[] }
  | { kind: "summaries"; items: { text: string; formula: string[]; inputs: string[]; costModel: string }[] };

function summariesBlock(summaries: Summary[]): Block {
  return {
    kind: "summaries",
    items: summaries.map((s) => ({
      text: s.text,
      formula: s.howComputed.formula,
      inputs: s.howComputed.inputs.map((i) => `${i.name}: ${inputValue(i.value)}${i.unit ? ` ${i.unit}` : ""}`),
      costModel: s.howComputed.costModel,
    })),
  };
}

function doraTable(r: WeeklyReport): Block {
  const s = r.dora.summary;
  const df = s.deploymentFrequency;
  const lt = s.leadTime;
  const cfr = s.changeFailureRate;
  const rt = s.recoveryTime;
  const rw = s.reworkRate;
  return {
    kind: "table",
    head: ["metric", "this week", "level", "previous week", "change"],
    numeric: [false, true, false, true, true],
    rows: [
      {
        cells: [
          metricLabel("deploymentFrequency"),
          `${df.deployments} deployments (${num(df.perDay, 2)}/day)`,
          levelCell("deploymentFrequency", df.level),
          `${df.previous.deployments} (${num(df.previous.perDay, 2)}/day)`,
          countChange(df.change.deployments),
        ],
      },
      {
        cells: [
          metricLabel("leadTime"),
          hoursCell(lt.medianHours),
          levelCell("leadTime", lt.level),
          hoursCell(lt.previous.medianHours),
          hoursChange(lt.change.medianHours),
        ],
      },
      {
        cells: [
          metricLabel("changeFailureRate"),
          `${pct(cfr.rate)} (${cfr.failed} of ${cfr.deployments})`,
          levelCell("changeFailureRate", cfr.level),
          `${pct(cfr.previous.rate)} (${cfr.previous.failed} of ${cfr.previous.deployments})`,
          points(cfr.change.rate),
        ],
      },
      {
        cells: [
          metricLabel("recoveryTime"),
          `${hoursCell(rt.medianHours)} (${rt.incidents} resolved, ${rt.open} open)`,
          levelCell("recoveryTime", rt.level),
          hoursCell(rt.previous.medianHours),
          hoursChange(rt.change.medianHours),
        ],
      },
      {
        cells: [
          metricLabel("reworkRate"),
          `${pct(rw.rate)} (${rw.rework} of ${rw.deployments})`,
          levelCell("reworkRate", null),
          `${pct(rw.previous.rate)} (${rw.previous.rework} of ${rw.previous.deployments})`,
          points(rw.change.rate),
        ],
      },
    ],
  };
}

function hoursTable(r: WeeklyReport): Block {
  const h = r.hoursLost;
  const p = h.previous;
  const c = h.counts;
  return {
    kind: "table",
    head: ["cause", "what", "hours", "cost", "previous week"],
    numeric: [false, false, true, true, true],
    rows: [
      {
        cells: [
          "Flaky tests",
          `${c.blockingFailures} blocking flaky failures`,
          formatHours(h.flakyTests, 2),
          formatUsdCents(h.costByCause.flakyTests),
          formatHours(p.flakyTests, 2),
        ],
      },
      {
        cells: [
          "Change failures",
          `${c.incidents} incidents attributed to a deployment`,
          formatHours(h.changeFailures, 2),
          formatUsdCents(h.costByCause.changeFailures),
          formatHours(p.changeFailures, 2),
        ],
      },
      {
        cells: [
          "Rework",
          `${c.reworkDeployments} rollbacks or hotfixes`,
          formatHours(h.rework, 2),
          formatUsdCents(h.costByCause.rework),
          formatHours(p.rework, 2),
        ],
      },
      { cells: ["Total", "", formatHours(h.total, 2), formatUsdCents(h.costUsd), formatHours(p.total, 2)], strong: true },
    ],
  };
}

function capacityParagraph(r: WeeklyReport): string {
  const h = r.hoursLost;
  if (h.capacityShare === null || h.sprintsLostPerMonth === null) {
    return "Capacity share: unknown (no team size is set for this scope), not zero.";
  }
  const b = h.capacityBasis;
  const who = r.team ? `the team's ${b.engineers} engineers` : `the ${b.engineers} engineers of teams with a known size (${b.teamsCounted.join(", ")})`;
  const missing = b.teamsWithoutSize.length
    ? ` Teams without a size are not counted: ${b.teamsWithoutSize.join(", ")} (${formatHoursRounded(b.hoursNotCounted)} hours).`
    : "";
  return `Capacity share: ${formatPercent(h.capacityShare)} of ${who}; ${formatDecimal(h.sprintsLostPerMonth, 2)} sprints lost per month. CI minutes burned by flaky reruns: ${Math.round(h.ciMinutes)} (${formatUsdCents(h.ciCostUsd)}).${missing}`;
}

function costAvoidedBlocks(r: WeeklyReport): Block[] {
  const a = r.costAvoided;
  const rows: { cells: string[]; strong?: boolean }[] = [
    ...a.fixedTests.tests.map((t) => ({
      cells: [
        `Fixed flaky test: ${testLabel(t.test)}`,
        `fixed ${t.fixDate.slice(0, 10)}; ${formatDecimal(t.weeklyHoursBefore, 2)} h/week before × ${formatDecimal(t.weeksSinceFix, 2)} weeks`,
        formatHours(t.hoursInWindow, 2),
        formatUsdCents(t.costUsdInWindow),
        `${formatHours(t.hours, 2)} (${formatUsdCents(t.costUsd)})`,
      ],
    })),
    ...a.deliveryImprovements.teams
      .filter((t) => t.hours > 0)
      .map((t) => ({
        cells: [
          `Lower change failure rate: ${t.team ?? "services without a team"}`,
          `${pct(t.baselineRate)} → ${pct(t.currentRate)} × ${t.currentDeployments} deployments × ${num(t.baselineHoursPerFailure, 2)} h per failure`,
          formatHours(t.hours, 2),
          formatUsdCents(t.costUsd),
          DASH,
        ],
      })),
  ];
  if (rows.length === 0)
    return [{ kind: "paragraph", text: "Cost avoided: none this week (no fixed flaky test, no lower change failure rate than the week before)." }];
  return [
    { kind: "heading", level: 2, text: "Cost avoided" },
    { kind: "table", head: ["what", "how", "hours this week", "cost this week", "since the fix"], numeric: [false, false, true, true, true], rows },
  ];
}

function flakyBlocks(r: WeeklyReport): Block[] {
  const blocks: Block[] = [{ kind: "heading", level: 2, text: `Top ${r.topFlakyTests.length} flaky tests by hours lost` }];
  if (r.topFlakyTests.length === 0) blocks.push({ kind: "paragraph", text: "No flaky failure this week." });
  else {
    blocks.push({
      kind: "table",
      head: ["#", "test", "service", "state", "flaky failures", "blocking", "hours lost", "cost", "fix payback"],
      numeric: [true, false, false, false, true, true, true, true, true],
      rows: r.topFlakyTests.map((t, i) => ({
        cells: [
          String(i + 1),
          testLabel(t),
          t.service ?? t.repository ?? DASH,
          t.state,
          String(t.flakyFailures),
          String(t.blockingFailures),
          formatHours(t.hoursLost, 2),
          formatUsdCents(t.costUsd),
          t.paybackWeeks === null ? DASH : `${formatDecimal(t.paybackWeeks, 1)} weeks (${t.fixEffortHours} h of work)`,
        ],
      })),
    });
  }
  const { infrastructureOutages: outages, brokenTests: broken } = r.flaky;
  if (outages.length) {
    blocks.push({
      kind: "paragraph",
      text: `Infrastructure outages (excluded from flakiness): ${outages.map((o) => `${o.buildId} (${o.failed} of ${o.tests} tests failed)`).join("; ")}.`,
    });
  }
  if (broken.length) {
    blocks.push({
      kind: "paragraph",
      text: `Broken tests (failed on every attempt; not flaky, no hours): ${broken.map((b) => `${testLabel(b)} (${b.failedExecutions} failures)`).join("; ")}.`,
    });
  }
  return blocks;
}

function investmentTable(r: WeeklyReport): Block {
  return {
    kind: "table",
    head: ["team", "changes", ...CATEGORIES.map((c) => (c === "other" ? "unclassified" : c)), "debt target", "debt vs target", "hours lost"],
    numeric: [false, true, true, true, true, true, true, true, true, true],
    rows: r.investment.teams.map((t) => ({
      cells: [
        t.name,
        String(t.total.changes),
        ...CATEGORIES.map((c) => pct(t.total.shares[c])),
        `${formatPercent(t.target)}${t.targetSource === "team" ? " (team)" : ""}`,
        t.total.status === "no changes" ? DASH : `${t.total.status} (${points(t.total.againstTarget)})`,
        formatHours(
          t.hoursLost.reduce((s, b) => s + b.total, 0),
          2,
        ),
      ],
    })),
  };
}

function incidentsTable(r: WeeklyReport): Block {
  if (r.incidents.length === 0) return { kind: "paragraph", text: "No incident was open this week." };
  return {
    kind: "table",
    head: ["incident", "title", "service", "severity", "opened", "resolved", "recovery", "responders", "change failure", "hours lost", "cost"],
    numeric: [false, false, false, false, false, false, true, true, false, true, true],
    rows: r.incidents.map((i) => ({
      cells: [
        i.id,
        i.title ?? DASH,
        i.service ?? DASH,
        i.severity ?? DASH,
        i.openedAt.slice(0, 16).replace("T", " "),
        i.resolvedAt ? i.resolvedAt.slice(0, 16).replace("T", " ") : "open",
        hoursCell(i.recoveryHours),
        `${i.responders}${i.respondersFromModel ? " (default)" : ""}`,
        i.changeFailure ? (i.counted ? "yes" : "yes, not counted this week") : "no",
        i.counted ? formatHours(i.hoursLost, 2) : DASH,
        i.counted ? formatUsdCents(i.costUsd) : DASH,
      ],
    })),
  };
}

function costModelTable(r: WeeklyReport): Block {
  const m = r.costModel.inputs;
  return {
    kind: "table",
    head: ["cost model input", "value"],
    numeric: [false, true],
    rows: COST_MODEL_INPUT_NAMES.map((name) => ({ cells: [costModelInputLabel(name), costModelValueText(name, m[name])] })),
  };
}

export function reportDocument(r: WeeklyReport): Block[] {
  const scope = r.team ? `${r.team.name} team` : "the organisation";
  const toDay = new Date(Date.parse(r.window.to) - 1).toISOString().slice(0, 10);
  return [
    { kind: "heading", level: 1, text: `Weekly health report ${r.week}: ${scope}` },
    {
      kind: "paragraph",
      text: `Monday ${r.window.from.slice(0, 10)} to Sunday ${toDay} (${r.timeZone}), production. Compared with ${r.previousWeek}. DORA levels: ${r.dora.thresholdsYear} report. Cost model: ${r.costModel.label}.`,
    },
    { kind: "heading", level: 2, text: "Summary" },
    summariesBlock(r.summaries),
    { kind: "heading", level: 2, text: "DORA metrics" },
    doraTable(r),
    ...goalsBlocks(r),
    { kind: "heading", level: 2, text: "Engineering hours lost" },
    hoursTable(r),
    { kind: "paragraph", text: capacityParagraph(r) },
    { kind: "heading", level: 2, text: "Which team slipped" },
    { kind: "paragraph", text: r.slipped.sentence },
    { kind: "paragraph", text: `How this was computed: ${r.slipped.howComputed}` },
    ...costAvoidedBlocks(r),
    ...flakyBlocks(r),
    { kind: "heading", level: 2, text: "Investment balance" },
    investmentTable(r),
    { kind: "heading", level: 2, text: "Is the debt allocation paying off" },
    {
      kind: "paragraph",
      text: `Over the ${SLIPPED_BASELINE_WEEKS + 1} weeks ending with this one: each team's debt share against its target, beside the trend of its hours lost.`,
    },
    summariesBlock(r.payingOff),
    { kind: "heading", level: 2, text: "Incidents" },
    incidentsTable(r),
    { kind: "heading", level: 2, text: "Cost model" },
    costModelTable(r),
  ];
}
