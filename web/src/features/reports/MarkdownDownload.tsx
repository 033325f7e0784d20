// Downloads the report as the API renders it in Markdown (the same text as GET
// /api/v1/reports/weekly with Accept: text/markdown), fetched through tRPC because a plain link
// cannot send the REST API's token.
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { describeApiError } from "../../api/describeApiError.ts";
import { useTRPC } from "../../api/trpc.ts";
import { markdownFileName } from "./reportWeek.ts";

export function MarkdownDownload({ week, team }: { week: string; team: string | undefined }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });

  async function download() {
    setState({ busy: true, error: null });
    try {
      const markdown = await queryClient.fetchQuery(trpc.reports.weeklyMarkdown.queryOptions(team ? { week, team } : { week }));
      const url = URL.createObjectURL(new Blob([markdown], { type: "text/markdown;charset=utf-8" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = markdownFileName(week, team);
      document.body.append(link);
      link.click();
      link.remove();
      // Give the browser a moment to start the download before the address is released.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setState({ busy: false, error: null });
    } catch (error) {
      setState({ busy: false, error: describeApiError(error) });
    }
  }

  return (
    <div className="download">
      <button type="button" className="button button-quiet" onClick={() => void download()} disabled={state.busy}>
        {state.busy ? "Preparing Markdown…" : "Download as Markdown"}
      </button>
      <span role="status" className="field-help">
        {state.error ? <span className="error-text">The download failed: {state.error}</span> : null}
      </span>
    </div>
  );
}
