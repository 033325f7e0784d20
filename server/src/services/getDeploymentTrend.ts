import type { MetricFiltersData } from "@keel/shared";
import type { Db } from "../db/client.ts";
import { deploymentsPerWeek } from "../db/queries/deploymentsPerWeek.ts";
import { fillBuckets, weekBuckets } from "../metrics/weeks.ts";
import { getOrgSettings } from "./getOrgSettings.ts";

export interface DeploymentTrend {
  timeZone: string;
  series: { bucketStart: string; deployments: number }[];
  total: number;
}

/** Successful deployments per week over the window, every week present. */
export async function getDeploymentTrend({ db, input }: { db: Db; input: MetricFiltersData }): Promise<DeploymentTrend> {
  const { timeZone } = await getOrgSettings({ db });
  const from = new Date(input.from);
  const to = new Date(input.to);
  const rows = await deploymentsPerWeek(db, { from, to, timeZone, environment: input.environment, team: input.team, service: input.service });
  const byWeek = new Map(rows.map((r) => [r.week, { bucketStart: r.week, deployments: r.deployments }]));
  const series = fillBuckets(weekBuckets(from, to, timeZone), byWeek, (bucketStart) => ({ bucketStart, deployments: 0 }));
  return { timeZone, series, total: series.reduce((n, s) => n + s.deployments, 0) };
}
