import { useState } from "react";
import { describeApiError } from "../../api/describeApiError.ts";

export interface CsvDownloadProps {
  /** What the file holds: "deployments". */
  noun: string;
  /** Fetches the file (the same CSV as GET /api/v1/export/{noun}.csv with these filters). */
  fetchCsv: () => Promise<{ filename: string; csv: string }>;
  /** The REST URL with the same filters, for scripts (needs a read token). */
  apiPath: string;
  /** Filters the file does not apply (the export takes the period and scope only). */
  note?: string;
}

/**
 * Downloads the list as CSV. The browser holds no API token, so the file comes through the web
 * app's own channel (tRPC); scripts use the REST export, whose address is shown.
 */
export function CsvDownload({ noun, fetchCsv, apiPath, note }: CsvDownloadProps) {
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });

  async function download() {
    setState({ busy: true, error: null });
    try {
      const { filename, csv } = await fetchCsv();
      const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = filename;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1_000);
      setState({ busy: false, error: null });
    } catch (error) {
      setState({ busy: false, error: describeApiError(error) });
    }
  }

  return (
    <div className="csv-download">
      <button type="button" className="button button-quiet" onClick={() => void download()} disabled={state.busy} data-testid="csv-download">
        {state.busy ? "Preparing CSV…" : "Download CSV"}
      </button>
      <details className="csv-api">
        <summary>For scripts</summary>
        <p>
          The same file from the REST API, with an API token that has the read scope{note ? ` (${note})` : ""}:
        </p>
        <code className="csv-api-path" data-testid="csv-api-path">
          GET {apiPath}
        </code>
      </details>
      {state.error ? (
        <p className="state-detail" role="alert">
          The {noun} CSV could not be prepared: {state.error}
        </p>
      ) : null}
    </div>
  );
}
