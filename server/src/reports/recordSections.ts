// The weekly report's record sections (reportDocument.ts): the top flaky tests, the investment
// balance, the week's incidents and the cost model the figures were computed with.
import type { ReportBlock } from "@keel/shared/reportBlocks";
import { COST_MODEL_INPUT_NAMES, costModelInputLabel, costModelValueText } from "@keel/shared/costModelInputs";
import { formatDecimal, formatHours, formatPercent, formatUsdCents } from "@keel/shared/numbers";
import { formatSpanIn } from "@keel/shared/calendar";
import { CATEGORIES } from "../metrics/investmentBalance.ts";
import type { WeeklyReport } from "../services/getWeeklyReport.ts";
import { DASH, hoursCell, pct, points, testLabel } from "./reportCells.ts";

export function flakyBlocks(r: WeeklyReport): ReportBlock[] {
  const blocks: ReportBlock[] = [{ kind: "heading", level: 2, text: `Top ${r.topFlakyTests.length} flaky tests by hours lost`, id: "flaky" }];
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

export function investmentTable(r: WeeklyReport): ReportBlock {
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

export function incidentsTable(r: WeeklyReport): ReportBlock {
  if (r.incidents.length === 0) return { kind: "paragraph", text: "No incident was open this week." };
  return {
    kind: "table",
    head: ["incident", "service", "open", "recovery", "responders", "change failure", "hours lost", "cost"],
    numeric: [false, false, false, true, true, false, true, true],
    rows: r.incidents.map((i) => ({
      cells: [
        i.title ? `${i.title} (${i.id})` : i.id,
        [i.service ?? DASH, i.severity].filter(Boolean).join(", "),
        // From opening to resolution in the organisation's time zone, as every other date of the report.
        formatSpanIn(i.openedAt, i.resolvedAt, r.timeZone),
        hoursCell(i.recoveryHours),
        `${i.responders}${i.respondersFromModel ? " (default)" : ""}`,
        i.changeFailure ? (i.counted ? "yes" : "yes, not counted this week") : "no",
        i.counted ? formatHours(i.hoursLost, 2) : DASH,
        i.counted ? formatUsdCents(i.costUsd) : DASH,
      ],
    })),
  };
}

export function costModelTable(r: WeeklyReport): ReportBlock {
  const m = r.costModel.inputs;
  return {
    kind: "table",
    head: ["cost model input", "value"],
    numeric: [false, true],
    rows: COST_MODEL_INPUT_NAMES.map((name) => ({ cells: [costModelInputLabel(name), costModelValueText(name, m[name])] })),
  };
}
