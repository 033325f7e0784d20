// The Overview's short data-quality note, from the same dora.summary answer as its tiles
// (doraView.ts): when the numbers rest on thin or odd data, it says so.
import { localDate, dateLabel } from "@keel/shared/calendar";
import { countOf, formatShort } from "@keel/shared/numbers";
import { previousPeriodIncomplete, previousPeriodLabel, type DoraMetrics } from "./doraView.ts";

export interface QualityNote {
  key: string;
  text: string;
  /** Ids behind the note (incident ids, shas), a few at most. */
  examples: string[];
  /** Which records page lists them, when one does. */
  link?: "openIncidents";
}

/** Below this many, a rate or a median moves a lot with one more event. */
export const FEW = 10;

/**
 * When the numbers rest on thin or odd data, say so: few deployments or incidents, changes left
 * out of lead time, open incidents (listed, not averaged), incidents without a service.
 */
export function dataQualityNotes(report: DoraMetrics, dataSince?: string | null): QualityNote[] {
  const s = report.summary;
  const q = report.dataQuality;
  const notes: QualityNote[] = [];
  if (previousPeriodIncomplete(report, dataSince) && dataSince) {
    notes.push({
      key: "previous-incomplete",
      text: `Keel's records start on ${dateLabel(localDate(new Date(dataSince), report.timeZone))}, inside ${previousPeriodLabel(report)}: changes are not shown, because that period is partly empty. A shorter period compares fairly.`,
      examples: [],
    });
  }
  const deployments = s.deploymentFrequency.deployments;
  if (deployments === 0) {
    notes.push({
      key: "no-deployments",
      text: "No successful deployments in this period, so there is no change failure rate, rework rate or lead time to show.",
      examples: [],
    });
  } else if (deployments < FEW) {
    notes.push({
      key: "few-deployments",
      text: `Only ${countOf(deployments, "successful deployment")} in this period: one failure more or less moves the change failure rate by ${formatShort(100 / deployments)} points.`,
      examples: [],
    });
  }
  if (s.leadTime.changes > 0 && s.leadTime.changes < FEW) {
    notes.push({ key: "few-changes", text: `Lead time rests on only ${countOf(s.leadTime.changes, "change")}.`, examples: [] });
  }
  if (s.recoveryTime.incidents > 0 && s.recoveryTime.incidents < FEW / 2) {
    notes.push({ key: "few-incidents", text: `Recovery time rests on only ${countOf(s.recoveryTime.incidents, "resolved incident")}.`, examples: [] });
  }
  if (q.changesWithNegativeLeadTime.count > 0) {
    const n = q.changesWithNegativeLeadTime.count;
    notes.push({
      key: "negative-lead-time",
      text: `${countOf(n, "change")} ${n === 1 ? "was" : "were"} left out of lead time because ${n === 1 ? "its commit time is" : "their commit times are"} after ${n === 1 ? "its" : "their"} deployment (clock or history rewrite?).`,
      examples: q.changesWithNegativeLeadTime.examples.slice(0, 3).map((sha) => sha.slice(0, 8)),
    });
  }
  if (q.openIncidents.count > 0) {
    const n = q.openIncidents.count;
    notes.push({
      key: "open-incidents",
      text: `${countOf(n, "incident")} ${n === 1 ? "is" : "are"} still open at the end of the period: listed, not in the recovery time.`,
      examples: q.openIncidents.examples.slice(0, 3),
      link: "openIncidents",
    });
  }
  if (q.incidentsWithoutService.count > 0) {
    const n = q.incidentsWithoutService.count;
    notes.push({
      key: "incidents-without-service",
      text: `${countOf(n, "incident")} ${n === 1 ? "has" : "have"} no service: ${n === 1 ? "it counts" : "they count"} only organisation-wide and ${n === 1 ? "is" : "are"} attributed to no deployment.`,
      examples: q.incidentsWithoutService.examples.slice(0, 3),
    });
  }
  return notes;
}
