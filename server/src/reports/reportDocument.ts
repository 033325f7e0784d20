// The weekly report as a neutral document (headings, paragraphs, tables, summaries), built once
// from the report's figures. Markdown, HTML, the e-mail, Slack and the web app's page all render
// these blocks (their types are in @keel/shared/reportBlocks), so none can say something the
// others do not. Texts here are plain: each renderer escapes them for its format.
import type { ReportBlock } from "@keel/shared/reportBlocks";
import type { Summary } from "../metrics/summaries.ts";
import { SLIPPED_BASELINE_WEEKS, type WeeklyReport } from "../services/getWeeklyReport.ts";
import { costAvoidedBlocks, hoursBlocks } from "./costSections.ts";
import { doraTable } from "./doraSection.ts";
import { goalsBlocks } from "./goalsSection.ts";
import { costModelTable, flakyBlocks, incidentsTable, investmentTable } from "./recordSections.ts";
import { inputValue } from "./reportCells.ts";

/** The digest's renderers name a block so. */
export type { ReportBlock as Block };

function summariesBlock(summaries: Summary[]): ReportBlock {
  return {
    kind: "summaries",
    items: summaries.map((s) => ({
      text: s.text,
      formula: s.howComputed.formula,
      inputs: s.howComputed.inputs.map((i) => `${i.name}: ${inputValue(i.value)}${i.unit ? ` ${i.unit}` : ""}`),
      costModel: s.howComputed.costModel,
    })),
  };
}

function isEmptyWeek(r: WeeklyReport): boolean {
  return (
    r.dora.summary.deploymentFrequency.deployments === 0 &&
    r.investment.total.changes === 0 &&
    r.incidents.length === 0 &&
    r.hoursLost.total === 0 &&
    r.flaky.total === 0
  );
}

function headerBlocks(r: WeeklyReport): ReportBlock[] {
  const scope = r.team ? `${r.team.name} team` : "the organisation";
  const toDay = new Date(Date.parse(r.window.to) - 1).toISOString().slice(0, 10);
  return [
    { kind: "heading", level: 1, text: `Weekly health report ${r.week}: ${scope}` },
    {
      kind: "paragraph",
      text: `Monday ${r.window.from.slice(0, 10)} to Sunday ${toDay} (${r.timeZone}), production. Compared with ${r.previousWeek}. DORA levels: ${r.dora.thresholdsYear} report. Cost model: ${r.costModel.label}.`,
    },
    ...(isEmptyWeek(r)
      ? [
          {
            kind: "paragraph" as const,
            text: `Keel has no deployment, change, incident or flaky failure for ${scope} in this week: every figure below is zero or blank.`,
          },
        ]
      : []),
  ];
}

const heading = (id: string, text: string): ReportBlock => ({ kind: "heading", level: 2, text, id });

export function reportDocument(r: WeeklyReport): ReportBlock[] {
  return [
    ...headerBlocks(r),
    heading("summary", "Summary"),
    summariesBlock(r.summaries),
    heading("dora", "DORA metrics"),
    doraTable(r),
    ...goalsBlocks(r),
    ...hoursBlocks(r),
    heading("slipped", "Which team slipped"),
    { kind: "paragraph", text: r.slipped.sentence },
    { kind: "paragraph", text: `How this was computed: ${r.slipped.howComputed}` },
    ...costAvoidedBlocks(r),
    ...flakyBlocks(r),
    heading("investment", "Investment balance"),
    r.investment.teams.length === 0 ? { kind: "paragraph", text: "No team in scope." } : investmentTable(r),
    heading("paying-off", "Is the debt allocation paying off"),
    {
      kind: "paragraph",
      text: `Over the ${SLIPPED_BASELINE_WEEKS + 1} weeks ending with this one: each team's debt share against its target, beside the trend of its hours lost.`,
    },
    summariesBlock(r.payingOff),
    heading("incidents", "Incidents"),
    incidentsTable(r),
    heading("model", "Cost model"),
    costModelTable(r),
  ];
}
