// The weekly report's cost sections (reportDocument.ts): engineering hours lost by cause, the
// capacity they took, the hours of each team, and the cost avoided.
import type { ReportBlock } from "@keel/shared/reportBlocks";
import { countOf, formatDecimal, formatHours, formatHoursRounded, formatPercent, formatUsdCents } from "@keel/shared/numbers";
import type { WeeklyReport } from "../services/getWeeklyReport.ts";
import { DASH, num, pct, testLabel } from "./reportCells.ts";

function hoursTable(r: WeeklyReport): ReportBlock {
  const h = r.hoursLost;
  const p = h.previous;
  const c = h.counts;
  const causes = [
    { key: "flakyTests", label: "Flaky tests", what: countOf(c.blockingFailures, "blocking flaky failure") },
    { key: "changeFailures", label: "Change failures", what: `${countOf(c.incidents, "incident")} attributed to a deployment` },
    { key: "rework", label: "Rework", what: countOf(c.reworkDeployments, "rollback or hotfix", "rollbacks or hotfixes") },
  ] as const;
  return {
    kind: "table",
    head: ["cause", "what", "hours", "cost", "previous week"],
    numeric: [false, false, true, true, true],
    rows: [
      ...causes.map(({ key, label, what }) => ({
        cells: [label, what, formatHours(h[key], 2), formatUsdCents(h.costByCause[key]), formatHours(p[key], 2)],
      })),
      {
        cells: ["Total", "", formatHours(h.total, 2), formatUsdCents(h.costUsd), formatHours(p.total, 2)],
        strong: true,
        ids: [null, null, null, "report-total-cost", null],
      },
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

/** Org-wide, each team's hours by cause: which team the hours were lost in. */
function byTeamTable(r: WeeklyReport): ReportBlock[] {
  if (r.team !== null || r.byTeam.length === 0) return [];
  return [
    { kind: "paragraph", text: "By team:" },
    {
      kind: "table",
      head: ["team", "flaky tests", "change failures", "rework", "total", "cost"],
      numeric: [false, true, true, true, true, true],
      rows: r.byTeam.map((t) => ({
        cells: [
          t.name,
          ...[t.summary.flakyTests, t.summary.changeFailures, t.summary.rework, t.summary.total].map((h) => formatHours(h, 2)),
          formatUsdCents(t.summary.costUsd),
        ],
      })),
    },
  ];
}

export function hoursBlocks(r: WeeklyReport): ReportBlock[] {
  return [
    { kind: "heading", level: 2, text: "Engineering hours lost", id: "hours" },
    hoursTable(r),
    { kind: "paragraph", text: capacityParagraph(r) },
    ...byTeamTable(r),
  ];
}

export function costAvoidedBlocks(r: WeeklyReport): ReportBlock[] {
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
          `${pct(t.baselineRate)} → ${pct(t.currentRate)} × ${countOf(t.currentDeployments, "deployment")} × ${num(t.baselineHoursPerFailure, 2)} h per failure`,
          formatHours(t.hours, 2),
          formatUsdCents(t.costUsd),
          DASH,
        ],
      })),
  ];
  const heading: ReportBlock = { kind: "heading", level: 2, text: "Cost avoided", id: "avoided" };
  if (rows.length === 0)
    return [heading, { kind: "paragraph", text: "None this week (no fixed flaky test, no lower change failure rate than the week before)." }];
  return [
    heading,
    { kind: "table", head: ["what", "how", "hours this week", "cost this week", "since the fix"], numeric: [false, false, true, true, true], rows },
  ];
}
