// The weekly health report as accessible HTML sections, rendered from the blocks the server builds
// for it (reports.weekly's `document`, the same blocks as the Markdown, HTML, e-mail and Slack
// report), so the page cannot say something the other formats do not. React escapes every text.
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../api/trpc.ts";
import { QueryView } from "../../components/QueryView.tsx";
import type { WeeklyReportData } from "../costs/apiTypes.ts";
import { MarkdownDownload } from "./MarkdownDownload.tsx";
import { ReportBlockView } from "./ReportBlocks.tsx";
import { reportSections, type ReportSection } from "./reportSections.ts";

export function WeeklyReportView({ week, team }: { week: string; team: string | undefined }) {
  const trpc = useTRPC();
  const report = useQuery(trpc.reports.weekly.queryOptions(team ? { week, team } : { week }));
  return (
    <QueryView query={report} loadingLabel="Loading the weekly report…" lines={6} errorTitle="The weekly report could not be loaded.">
      {(r) => <Report r={r} />}
    </QueryView>
  );
}

function Report({ r }: { r: WeeklyReportData }) {
  const { title, intro, sections } = reportSections(r.document);
  const [when, ...notes] = intro;
  return (
    <article className="weekly-report" aria-labelledby="report-heading" data-week={r.week}>
      <header className="panel report-header">
        <h2 id="report-heading">{title}</h2>
        <p className="muted">{when}</p>
        {notes.map((note) => (
          <p key={note} className="lead" role="note">
            {note}
          </p>
        ))}
        <MarkdownDownload week={r.week} team={r.team?.slug} />
      </header>
      {sections.map((section) => (
        <Section key={section.id} section={section} />
      ))}
    </article>
  );
}

function Section({ section }: { section: ReportSection }) {
  const id = `report-${section.id}`;
  return (
    <section className="panel" aria-labelledby={id} data-testid={id}>
      <h2 id={id}>{section.title}</h2>
      {section.blocks.map((block, i) => (
        <ReportBlockView key={i} block={block} />
      ))}
    </section>
  );
}
