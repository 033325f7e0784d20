// `keel junit --build ID [--report NAME] reports/*.xml`: uploads each JUnit file to the build,
// gzipped on the fly (streamed, never held in memory). A report's name defaults to the file's
// base name, so each file is its own report and uploading it again replaces it.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { parseArgs } from "node:util";
import { createGzip } from "node:zlib";
import { JunitUploadResult } from "@keel/shared";
import { countOf } from "@keel/shared/numbers";
import { callKeel, connectionFrom, connectionOptions } from "./connection.ts";
import { CliFailure, UsageError } from "./errors.ts";

export const junitUsage = `keel junit --build ID [--report NAME] FILE...
    upload JUnit XML reports to a build (send the build event first); each file is a report
    named after its base name (reports/unit.xml: "unit"), or NAME when there is one file.`;

/** Characters outside what the server accepts in a report name (JUNIT_REPORT_NAME). */
const REPORT_NAME_CHAR = /[^\w.\-/ ]/g;

export function reportNameOf(file: string): string {
  const base = path.basename(file).replace(/\.xml$/i, "");
  return base.replace(REPORT_NAME_CHAR, "_").slice(0, 200) || "junit";
}

export async function junit(args: string[], out: (line: string) => void): Promise<number> {
  const { values, positionals: files } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...connectionOptions, build: { type: "string" }, report: { type: "string" } },
  });
  if (!values.build) throw new UsageError("--build is required: the id of the build the reports belong to");
  if (files.length === 0) throw new UsageError("name at least one JUnit XML file, e.g. keel junit --build 123 reports/*.xml");
  if (values.report && files.length > 1) {
    throw new UsageError("--report names one report; with several files leave it out and each file's base name is used");
  }
  const connection = connectionFrom(values);
  // Every file must be there before anything is sent (an unmatched glob arrives as a literal path).
  for (const file of files) {
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) throw new CliFailure(`${file}: no such file`);
  }
  const names = files.map((file) => values.report ?? reportNameOf(file));
  const duplicate = names.find((name, i) => names.indexOf(name) !== i);
  if (duplicate) throw new UsageError(`two files would both be report "${duplicate}"; rename one (the report name is the file's base name)`);

  let failures = 0;
  for (const [i, file] of files.entries()) {
    const name = names[i] as string;
    const route = `/api/v1/builds/${encodeURIComponent(values.build)}/junit?report=${encodeURIComponent(name)}`;
    try {
      const body = Readable.toWeb(createReadStream(file).pipe(createGzip())) as ReadableStream<Uint8Array>;
      const answer = JunitUploadResult.parse(
        await callKeel(connection, route, { body, headers: { "content-type": "application/xml", "content-encoding": "gzip" } }),
      );
      out(
        `${file} → report "${name}": ${countOf(answer.tests, "test")}, ${answer.passed} passed, ${answer.failed} failed, ${countOf(answer.errors, "error")}, ` +
          `${answer.skipped} skipped, ${countOf(answer.flakyRetries, "flaky retry", "flaky retries")}`,
      );
      for (const warning of answer.warnings) process.stderr.write(`keel: ${file}: warning: ${warning}\n`);
    } catch (error) {
      if (!(error instanceof CliFailure)) throw error;
      failures++;
      process.stderr.write(`keel: ${file}: ${error.message}\n`);
    }
  }
  if (failures) throw new CliFailure(`${failures} of ${files.length} report${files.length === 1 ? "" : "s"} failed to upload`);
  return 0;
}
