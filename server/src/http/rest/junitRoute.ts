// POST /api/v1/builds/{buildId}/junit?report={name}: a JUnit XML body (optionally gzip), streamed
// into the parser without buffering it. The size limit applies to the decompressed XML, so a
// small gzip bomb is refused like a large file.
import { Transform, type Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { JunitUploadParams, JunitUploadQuery } from "@keel/shared";
import type { Request, RequestHandler } from "express";
import type { Db } from "../../db/client.ts";
import { KeelError } from "../../errors.ts";
import { parseJunit } from "../../ingest/junit/parseJunit.ts";
import { recordTestReport } from "../../services/recordTestReport.ts";
import { parseOrThrow } from "../validate.ts";

export const MAX_JUNIT_BYTES = 50 * 1024 * 1024;

function limitBytes(limit: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > limit) callback(new KeelError("PAYLOAD_TOO_LARGE", `A JUnit report may be up to ${limit / 1024 / 1024} MB (uncompressed).`));
      else callback(null, chunk);
    },
  });
}

function bodyStream(req: Request): Readable {
  const encoding = (req.get("content-encoding") ?? "identity").toLowerCase();
  if (encoding !== "identity" && encoding !== "gzip") {
    throw new KeelError("UNSUPPORTED_MEDIA_TYPE", `Content-Encoding ${encoding} is not supported; send plain or gzip.`);
  }
  const declared = Number(req.get("content-length") ?? "0");
  if (declared > MAX_JUNIT_BYTES) throw new KeelError("PAYLOAD_TOO_LARGE", "A JUnit report may be up to 50 MB.");
  const limited = limitBytes(MAX_JUNIT_BYTES);
  const fail = (error: Error) =>
    limited.destroy(error instanceof KeelError ? error : new KeelError("VALIDATION_FAILED", "The gzip body could not be decompressed."));
  if (encoding === "gzip") {
    const gunzip = createGunzip();
    gunzip.on("error", fail);
    req.pipe(gunzip).pipe(limited);
  } else {
    req.pipe(limited);
  }
  return limited;
}

export function junitRoute(db: Db): RequestHandler {
  return async (req, res) => {
    if (!req.is(["application/xml", "text/xml"])) {
      throw new KeelError("UNSUPPORTED_MEDIA_TYPE", "Send the JUnit report with Content-Type: application/xml or text/xml.");
    }
    const { buildId } = parseOrThrow(JunitUploadParams, req.params);
    const { report: name } = parseOrThrow(JunitUploadQuery, req.query);
    // Check the build first, so a wrong id is a quick 404 rather than a parsed-then-refused upload.
    if (!(await db.build.findUnique({ where: { id: buildId }, select: { id: true } }))) {
      req.resume();
      throw new KeelError("NOT_FOUND", `Build ${buildId} does not exist. Send the build event first.`);
    }
    const report = await parseJunit(bodyStream(req));
    const summary = await recordTestReport({ db, input: { buildId, name, report } });
    res.json({
      tests: summary.tests,
      passed: summary.passed,
      failed: summary.failed,
      errors: summary.errors,
      skipped: summary.skipped,
      flakyRetries: summary.flakyRetries,
      repairs: report.repairs,
      warnings: report.warnings,
    });
  };
}
