// GitLab writes times three ways in its webhooks: ISO-8601 ("2013-12-03T17:23:34Z", issues and
// merge requests), "2016-08-12 15:23:28 UTC" (pipelines) and "2021-04-28 21:50:00 +0200"
// (deployments). Keel's events take ISO-8601 with an offset.
import { isTimestamp } from "../mapResult.ts";

const SPACED = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?) (UTC|[+-]\d{2}:?\d{2})$/;

/** The time as ISO-8601, or undefined when it is missing or in none of GitLab's formats. */
export function gitlabTime(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const spaced = SPACED.exec(value);
  const iso = spaced ? `${spaced[1]}T${spaced[2]}${offset(spaced[3] as string)}` : value;
  return isTimestamp(iso) ? iso : undefined;
}

function offset(zone: string): string {
  return zone === "UTC" ? "Z" : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
}
