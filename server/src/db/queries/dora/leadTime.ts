// Lead time for changes (product.md, metric 2): for each change shipped by a successful deployment
// finished in the window, finishedAt - committedAt, counted once per service at the first
// successful deployment of that service to the environment that shipped it (over all time: a
// change first shipped before the window is not counted again when redeployed in it). Negative
// spans are excluded from the percentiles and counted. Bucketed by the deployment's week.
//
// The first deliveries come from the ChangeDelivery rollup, which database triggers keep equal to
// "the earliest successful deployment per (change, service, environment)" (see its migration).
import { Prisma } from "../../../generated/prisma/client.ts";
import type { Tx } from "../../types.ts";
import { hoursBetween, inScope, weekLabel, weekOf, type DoraQuery, type Period } from "./fragments.ts";

export interface LeadTimeRow {
  period: Period;
  week: string | null;
  changes: number;
  medianHours: number | null;
  p90Hours: number | null;
  excludedNegative: number;
  /** Up to 20 shas of the excluded changes, latest deployment first. */
  negativeExamples: string[] | null;
}

/**
 * One period's lead times: for the current window per week and in total, for the previous period
 * in total only. Two statements rather than one, so PostgreSQL runs them side by side; only the
 * rare negative rows carry their change id (to name examples), keeping the sorted rows narrow.
 * `OFFSET 0` keeps `f` a subquery of its own: flattened into `g`, PostgreSQL would compute `hours`
 * once per reference (five), which was a third of the previous period's time.
 */
export function leadTimeSql(q: DoraQuery, period: Period): Prisma.Sql {
  const current = period === "current";
  const [from, to] = current ? [q.from, q.to] : [q.previousFrom, q.from];
  return Prisma.sql`
    WITH f AS (
      SELECT ${current ? weekOf(Prisma.sql`cd."finishedAt"`, q) : Prisma.sql`NULL::timestamp`} AS week,
             CASE WHEN cd."committedAt" > cd."finishedAt" THEN cd."changeId" END AS "negativeId",
             CASE WHEN cd."committedAt" > cd."finishedAt" THEN cd."finishedAt" END AS "negativeAt",
             ${hoursBetween(Prisma.sql`cd."committedAt"`, Prisma.sql`cd."finishedAt"`)} AS hours
      FROM "ChangeDelivery" cd
      WHERE cd."environmentId" = ${q.environmentId}::uuid
        AND cd."finishedAt" >= ${from} AND cd."finishedAt" < ${to}
        ${inScope(Prisma.sql`cd."serviceId"`, q)}
      OFFSET 0
    ),
    g AS (
      SELECT ${current ? Prisma.sql`week` : Prisma.sql`NULL::timestamp AS week`},
             count(*) FILTER (WHERE hours >= 0)::int AS changes,
             percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY hours) FILTER (WHERE hours >= 0) AS p,
             count(*) FILTER (WHERE hours < 0)::int AS "excludedNegative",
             (array_agg("negativeId" ORDER BY "negativeAt" DESC, "negativeId") FILTER (WHERE hours < 0))[1:20] AS "negativeIds"
      FROM f
      ${current ? Prisma.sql`GROUP BY GROUPING SETS ((week), ())` : Prisma.empty}
    )
    SELECT ${period} AS period, ${weekLabel(Prisma.sql`week`)} AS week, changes, p[1] AS "medianHours", p[2] AS "p90Hours", "excludedNegative",
           ARRAY(SELECT c.sha FROM unnest("negativeIds") WITH ORDINALITY AS n(id, k) JOIN "Change" c ON c.id = n.id ORDER BY n.k) AS "negativeExamples"
    FROM g`;
}

export async function leadTime(db: Tx, q: DoraQuery): Promise<LeadTimeRow[]> {
  const [current, previous] = await Promise.all((["current", "previous"] as const).map((period) => db.$queryRaw<LeadTimeRow[]>(leadTimeSql(q, period))));
  return [...(current ?? []), ...(previous ?? [])];
}
