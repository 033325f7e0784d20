// The business sentences of a scope and period, from the same figures the API returns for it
// (hours lost, the flaky-test ranking, the investment balance), so they can never disagree.
import { topFixPayback } from "../../metrics/flakyTests.ts";
import { buildSummaries, type Summary } from "../../metrics/summaries.ts";
import type { FlakyTests } from "../getFlakyTests.ts";
import type { HoursLost } from "../getHoursLost.ts";
import type { InvestmentBalance } from "../getInvestmentBalance.ts";

/** Tests behind "Fixing the top N ... pays back in W weeks". */
export const TOP_FIX_TESTS = 3;

function testName(t: { suite: string; name: string; variant: string }): string {
  return `${t.suite} › ${t.name}${t.variant ? ` [${t.variant}]` : ""}`;
}

export function scopeName(
  filters: { team: string | null; service: string | null },
  teamName: string | null,
): { kind: "team" | "service" | "organisation"; name: string } {
  if (filters.service !== null) return { kind: "service", name: filters.service };
  if (filters.team !== null) return { kind: "team", name: `the ${teamName ?? filters.team} team` };
  return { kind: "organisation", name: "the organisation" };
}

export function composeSummaries(p: { hours: HoursLost; flaky: FlakyTests; investment: InvestmentBalance; period: string; previousPeriod: string }): Summary[] {
  const { hours, flaky, investment } = p;
  const teamName = investment.teams.length === 1 && hours.filters.team !== null ? (investment.teams[0]?.name ?? null) : null;
  return buildSummaries({
    scope: scopeName(hours.filters, teamName),
    period: p.period,
    previousPeriod: p.previousPeriod,
    hours: hours.summary,
    previous: hours.summary.previous,
    topFix: topFixPayback(flaky.tests, TOP_FIX_TESTS),
    fixedTests: {
      ...hours.costAvoided.fixedTests,
      tests: hours.costAvoided.fixedTests.tests.map((t) => ({
        name: testName(t.test),
        fixDate: t.fixDate,
        weeklyHoursBefore: t.weeklyHoursBefore,
        weeksSinceFix: t.weeksSinceFix,
      })),
    },
    delivery: hours.costAvoided.deliveryImprovements,
    investment: investment.teams.map((t) => ({
      team: t.team,
      name: `the ${t.name} team`,
      target: t.target,
      debtShare: t.total.debtShare,
      unclassifiedShare: t.total.unclassifiedShare,
      changes: t.total.changes,
    })),
    costModel: hours.costModel,
  });
}
