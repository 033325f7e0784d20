// The web app's cost, flaky-test, investment, report and cost model procedures. Thin: validate
// with the shared schemas, call one service. Merged into appRouter (router.ts) by spreading.
import { CostFilters, CostModelUpdate, FixEffortUpdate, FlakyHistoryQuery, FlakyTestsLimit, WeeklyReportQuery } from "@keel/shared";
import { z } from "zod";
import { getCostModel } from "../services/getCostModel.ts";
import { getCostModelHistory } from "../services/getCostModelHistory.ts";
import { getFlakyTestHistory } from "../services/getFlakyTestHistory.ts";
import { getFlakyTests } from "../services/getFlakyTests.ts";
import { getHoursLost } from "../services/getHoursLost.ts";
import { getInvestmentBalance } from "../services/getInvestmentBalance.ts";
import { getSummaries } from "../services/getSummaries.ts";
import { renderMarkdown } from "../reports/renderMarkdown.ts";
import { reportDocument } from "../reports/reportDocument.ts";
import { getWeeklyReport } from "../services/getWeeklyReport.ts";
import { setFixEffort } from "../services/setFixEffort.ts";
import { updateCostModel } from "../services/updateCostModel.ts";
import { publicProcedure, router } from "./init.ts";

const FlakyQuery = z.object({ filters: CostFilters, limit: FlakyTestsLimit.shape.limit });

export const costRouters = {
  costs: router({
    hoursLost: publicProcedure.input(CostFilters).query(({ ctx, input }) => getHoursLost({ db: ctx.db, input })),
    summaries: publicProcedure.input(CostFilters).query(({ ctx, input }) => getSummaries({ db: ctx.db, input })),
  }),
  flaky: router({
    list: publicProcedure.input(FlakyQuery).query(({ ctx, input }) => getFlakyTests({ db: ctx.db, input: { ...input.filters, limit: input.limit } })),
    history: publicProcedure.input(FlakyHistoryQuery).query(({ ctx, input }) => getFlakyTestHistory({ db: ctx.db, input })),
    setFixEffort: publicProcedure.input(FixEffortUpdate).mutation(({ ctx, input }) => setFixEffort({ db: ctx.db, input })),
  }),
  investment: router({
    balance: publicProcedure.input(CostFilters).query(({ ctx, input }) => getInvestmentBalance({ db: ctx.db, input })),
  }),
  reports: router({
    weekly: publicProcedure.input(WeeklyReportQuery).query(({ ctx, input }) => getWeeklyReport({ db: ctx.db, input })),
    // The same Markdown as GET /api/v1/reports/weekly with Accept: text/markdown (the web app's
    // download: a link cannot send the REST API's bearer token).
    weeklyMarkdown: publicProcedure
      .input(WeeklyReportQuery)
      .query(async ({ ctx, input }) => renderMarkdown(reportDocument(await getWeeklyReport({ db: ctx.db, input })))),
  }),
  costModel: router({
    get: publicProcedure.query(({ ctx }) => getCostModel({ db: ctx.db })),
    update: publicProcedure.input(CostModelUpdate).mutation(({ ctx, input }) => updateCostModel({ db: ctx.db, input })),
    history: publicProcedure.input(z.object({ team: z.string().min(1).max(200).optional() }).strict()).query(({ ctx, input }) => getCostModelHistory({ db: ctx.db, input })),
  }),
};
