// What every weekly message says first, whatever the channel: the subject naming the ISO week and
// the team that slipped, the headline sentences, and the link back to the report in Keel.
import type { WeeklyReport } from "../services/getWeeklyReport.ts";

export function subjectOf(report: WeeklyReport): string {
  const scope = report.team ? ` (${report.team.name} team)` : "";
  const slipped = report.slipped.slipped;
  return `Keel weekly health ${report.week}${scope}: ${slipped ? `${slipped.name} slipped` : "no team slipped"}`;
}

/** The sentences a reader sees before any table: which team slipped, then the report's summaries. */
export function headlines(report: WeeklyReport): string[] {
  return [report.slipped.sentence, ...report.summaries.map((s) => s.text)];
}

/** The report in Keel's web app; null without KEEL_PUBLIC_URL (no address to link to). */
export function reportLink(report: WeeklyReport, publicUrl: string | undefined): string | null {
  const params = new URLSearchParams({ week: report.week });
  if (report.team) params.set("team", report.team.slug);
  return keelLink(publicUrl, `/weekly-report?${params}`);
}

/** A page of Keel's web app ("/weekly-report?week=..."); null without KEEL_PUBLIC_URL. */
export function keelLink(publicUrl: string | undefined, path: string): string | null {
  return publicUrl ? `${publicUrl.replace(/\/+$/, "")}${path}` : null;
}
