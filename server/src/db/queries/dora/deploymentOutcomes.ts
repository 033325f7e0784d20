// Deployment frequency, change failure rate and rework rate share one set of rows, the successful
// deployments in scope finished in the window, so they are counted by one statement: the three
// metrics always agree on their denominator. Per (period, week) and per period.
import { Prisma } from "../../../generated/prisma/client.ts";
import type { Tx } from "../../types.ts";
import { failedDeploymentIds } from "./changeFailureRate.ts";
import { weekLabel, weekOfDay, windowDeployments, type DoraQuery, type Period } from "./fragments.ts";
import { isRework } from "./reworkRate.ts";

export interface DeploymentOutcomeRow {
  period: Period;
  /** Null on the period total. */
  week: string | null;
  deployments: number;
  /** Distinct local days with at least one successful deployment. */
  deployDays: number;
  failed: number;
  rework: number;
}

export function deploymentOutcomesSql(q: DoraQuery): Prisma.Sql {
  // Counted per local day first (a hash aggregate over the window's rows, no sort), then the few
  // day rows are rolled up per week and per period: a day row is one deploy day. The week comes
  // from the day, once per day row, not from each deployment's time.
  return Prisma.sql`
    WITH w AS (${windowDeployments(q)}),
    failed AS (${failedDeploymentIds(q)}),
    days AS (
      SELECT period, day,
             count(*)::int AS deployments,
             count(*) FILTER (WHERE w.id IN (SELECT id FROM failed))::int AS failed,
             count(*) FILTER (WHERE ${isRework(Prisma.sql`w`)})::int AS rework
      FROM w
      GROUP BY period, day
    ),
    weeks AS (SELECT days.*, ${weekOfDay(Prisma.sql`day`)} AS week FROM days)
    SELECT period, ${weekLabel(Prisma.sql`week`)} AS week,
           sum(deployments)::int AS deployments,
           count(*)::int AS "deployDays",
           sum(failed)::int AS failed,
           sum(rework)::int AS rework
    FROM weeks
    GROUP BY GROUPING SETS ((period, week), (period))`;
}

export function deploymentOutcomes(db: Tx, q: DoraQuery): Promise<DeploymentOutcomeRow[]> {
  return db.$queryRaw<DeploymentOutcomeRow[]>(deploymentOutcomesSql(q));
}
