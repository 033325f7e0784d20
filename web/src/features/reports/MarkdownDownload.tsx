// Downloads the report as the API renders it in Markdown: GET /api/v1/reports/weekly?format=md,
// which the browser's session may read.
import { markdownFileName } from "./reportWeek.ts";

export function markdownPath(week: string, team: string | undefined): string {
  const params = new URLSearchParams({ week, format: "md" });
  if (team) params.set("team", team);
  return `/api/v1/reports/weekly?${params}`;
}

export function MarkdownDownload({ week, team }: { week: string; team: string | undefined }) {
  return (
    <div className="download">
      <a className="button button-quiet" href={markdownPath(week, team)} download={markdownFileName(week, team)}>
        Download as Markdown
      </a>
    </div>
  );
}
