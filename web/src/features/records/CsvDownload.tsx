export interface CsvDownloadProps {
  /** What the file holds: "deployments". */
  noun: string;
  /** The REST export with the same filters (GET /api/v1/export/{noun}.csv?…). */
  apiPath: string;
  /** Filters the file does not apply (the export takes the period and scope only). */
  note?: string;
}

/**
 * Downloads the list as CSV straight from the REST export: the browser's session may read it, and
 * scripts use the same address with a read token.
 */
export function CsvDownload({ noun, apiPath, note }: CsvDownloadProps) {
  return (
    <div className="csv-download">
      <a className="button button-quiet" href={apiPath} download data-testid="csv-download">
        Download CSV
      </a>
      <details className="csv-api">
        <summary>For scripts</summary>
        <p>
          The same {noun} file from the REST API, with an API token that has the read scope{note ? ` (${note})` : ""}:
        </p>
        <code className="csv-api-path" data-testid="csv-api-path">
          GET {apiPath}
        </code>
      </details>
    </div>
  );
}
