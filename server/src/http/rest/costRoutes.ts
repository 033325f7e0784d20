// REST v1 reading of costs (api.md "Reading"): flaky tests, hours lost, investment, the weekly
// report and the CSV exports, each behind the read scope. Mounted at /api/v1 before the metrics
// router (which answers 404 for metrics it does not know); paths it does not serve fall through.
// Routes are thin: validate the query with the shared schemas, call one service.
import { CostFilters, ExportKind, FlakyTestRef, FlakyTestsLimit, WeeklyReportQuery } from "@keel/shared";
import { Router, type Request } from "express";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { renderHtml } from "../../reports/renderHtml.ts";
import { renderMarkdown } from "../../reports/renderMarkdown.ts";
import { reportDocument } from "../../reports/reportDocument.ts";
import { exportCsv } from "../../services/exportCsv.ts";
import { getFlakyTestHistory } from "../../services/getFlakyTestHistory.ts";
import { getFlakyTests } from "../../services/getFlakyTests.ts";
import { getHoursLost } from "../../services/getHoursLost.ts";
import { getInvestmentBalance } from "../../services/getInvestmentBalance.ts";
import { getWeeklyReport } from "../../services/getWeeklyReport.ts";
import { requireScope } from "../auth.ts";
import { drained } from "../drain.ts";
import { parseOrThrow } from "../validate.ts";

/** Only weekly buckets exist (api.md: `bucket=week`); the parameter may be left out. */
const Bucket = z.object({ bucket: z.literal("week", { error: 'must be "week" (the only bucket supported)' }).default("week") });
const ReportFormat = z.object({ format: z.enum(["json", "md", "html"]).optional() });

function filtersOf(req: Request, extra: readonly string[] = []) {
  const { bucket, ...rest } = req.query;
  parseOrThrow(Bucket, { bucket });
  const filters = Object.fromEntries(Object.entries(rest).filter(([key]) => !extra.includes(key)));
  return parseOrThrow(CostFilters, filters);
}

/** JSON unless the client asks for Markdown or HTML (Accept, or ?format=md|html). */
function reportFormat(req: Request): "json" | "md" | "html" {
  const { format } = parseOrThrow(ReportFormat, { format: req.query.format });
  if (format) return format;
  const accepted = req.accepts(["application/json", "text/markdown", "text/html"]);
  return accepted === "text/markdown" ? "md" : accepted === "text/html" ? "html" : "json";
}

export function costRoutes(db: Db): Router {
  const router = Router();
  const read = requireScope("read");

  router.get("/metrics/flaky-tests", read, async (req, res) => {
    const { limit } = parseOrThrow(FlakyTestsLimit, { limit: req.query.limit });
    res.json(await getFlakyTests({ db, input: { ...filtersOf(req, ["limit"]), limit } }));
  });

  router.get("/metrics/flaky-tests/:testId/history", read, async (req, res) => {
    const { testId } = parseOrThrow(FlakyTestRef, { testId: req.params.testId });
    res.json(await getFlakyTestHistory({ db, input: { testId, filters: filtersOf(req) } }));
  });

  router.get("/metrics/hours-lost", read, async (req, res) => {
    res.json(await getHoursLost({ db, input: filtersOf(req) }));
  });

  router.get("/metrics/investment", read, async (req, res) => {
    res.json(await getInvestmentBalance({ db, input: filtersOf(req) }));
  });

  router.get("/reports/weekly", read, async (req, res) => {
    const format = reportFormat(req);
    const { format: _format, ...query } = req.query;
    const report = await getWeeklyReport({ db, input: parseOrThrow(WeeklyReportQuery, query) });
    res.vary("Accept");
    if (format === "json") res.json(report);
    else if (format === "md") res.type("text/markdown; charset=utf-8").send(renderMarkdown(reportDocument(report)));
    else res.type("text/html; charset=utf-8").send(renderHtml(reportDocument(report)));
  });

  router.get("/export/:file", read, async (req, res, next) => {
    const match = /^(.+)\.csv$/.exec(String(req.params.file));
    const kind = match ? ExportKind.safeParse(match[1]) : undefined;
    if (!kind?.success) return next(); // not an export: the API's 404
    const csv = await exportCsv({ db, input: { ...filtersOf(req), kind: kind.data } });
    res.status(200);
    res.setHeader("Content-Type", "text/csv; charset=utf-8; header=present");
    res.setHeader("Content-Disposition", `attachment; filename="${csv.filename}"`);
    let gone = false;
    res.once("close", () => {
      gone = true;
    });
    await csv.run(async (chunk) => {
      if (gone) return;
      // Respect back-pressure: wait for the socket to drain (or close) before writing more.
      if (!res.write(chunk)) await drained(res);
    });
    res.end();
  });

  return router;
}
