// Each team's change failure rate and engineering hours lost over one ISO week, production only:
// the figures the team alerts compare with their thresholds (docs/digest.md "Alerts"). The same
// services as the API's endpoints and the weekly report (cached by data version), so an alert's
// figure is the one a reader finds in Keel for that week and team.
import { isoWeekDates } from "@keel/shared/calendar";
import type { Db } from "../../db/client.ts";
import type { TeamWeekFigures } from "../../metrics/alertConditions.ts";
import { getDoraMetrics } from "../getDoraMetrics.ts";
import { getHoursLost } from "../getHoursLost.ts";

export async function teamWeekFigures(db: Db, week: string, now: Date): Promise<TeamWeekFigures[]> {
  const { monday, nextMonday } = isoWeekDates(week);
  const filters = { from: monday, to: nextMonday, environment: "production" };
  // Hours lost once for the organisation (it has every team's), the DORA figures once per team.
  const hours = await getHoursLost({ db, input: filters, now });
  const figures: TeamWeekFigures[] = [];
  for (const t of hours.byTeam) {
    const failure = (await getDoraMetrics({ db, input: { ...filters, team: t.team } })).summary.changeFailureRate;
    figures.push({
      team: t.team,
      name: t.name,
      week,
      changeFailureRate: failure.rate,
      deployments: failure.deployments,
      failedDeployments: failure.failed,
      hoursLost: t.summary.total,
    });
  }
  return figures;
}
