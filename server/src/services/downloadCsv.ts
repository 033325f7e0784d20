// The web app's CSV download (tRPC deployments.csv, incidents.csv): the same file as REST
// GET /api/v1/export/{kind}.csv (exportCsv), gathered into one string. The REST route needs an API
// token, which the browser does not hold; tRPC is the web app's own, trusted channel (web/README.md).
import type { MetricFiltersData } from "@keel/shared";
import type { Db } from "../db/client.ts";
import { exportCsv } from "./exportCsv.ts";

export interface CsvFile {
  filename: string;
  csv: string;
}

export async function downloadCsv({ db, input }: { db: Db; input: MetricFiltersData & { kind: "deployments" | "incidents" } }): Promise<CsvFile> {
  const file = await exportCsv({ db, input });
  const chunks: string[] = [];
  await file.run((chunk) => {
    chunks.push(chunk);
  });
  return { filename: file.filename, csv: chunks.join("") };
}
