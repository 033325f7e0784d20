// The web app's cost, flaky-test, investment, report and cost model procedures. Thin: validate
// with the shared schemas, call one service, check the answer with its output schema
// (shared/src/outputs/; flaky.list aside). Merged into appRouter (router.ts) by spreading.
import { CostFilters, CostModelUpdate, FixEffortUpdate, FlakyHistoryQuery, FlakyTestsLimit, WeeklyReportQuery } from "@keel/shared";
import { CostModelVersions, CostModelView, FixEffortSet, FlakyTestHistory, HoursLost, InvestmentBalance, Summaries, WeeklyReport } from "@keel/shared/outputs";
import { z } from "zod";
import { getCostModel } from "../services/getCostModel.ts";
import { getCostModelHistory } from "../services/getCostModelHistory.ts";
import { getFlakyTestHistory } from "../services/getFlakyTestHistory.ts";
import { getFlakyTests } from "../services/getFlakyTests.ts";
import { getHoursLost } from "../services/getHoursLost.ts";
import { getInvestmentBalance } from "../services/getInvestmentBalance.ts";
import { getSummaries } from "../services/getSummaries.ts";
import { getWeeklyReport } from "../services/getWeeklyReport.ts";
import { setFixEffort } from "../services/setFixEffort.ts";
import { updateCostModel } from "../services/updateCostModel.ts";
import { editorChange } from "./changing.ts";
import { router, viewerProcedure } from "./init.ts";
import { reading } from "./reading.ts";

const FlakyQuery = z.object({ filters: CostFilters, limit: FlakyTestsLimit.shape.limit });

export const costRouters = {
  costs: router({
    hoursLost: reading(CostFilters, HoursLost, getHoursLost),
    summaries: reading(CostFilters, Summaries, getSummaries),
  }),
  flaky: router({
    // No `.output(FlakyTests)`: checking 500 tests costs about 3 ms a call (the schema still types
    // the service and the OpenAPI body, and test/integration/openApiAnswers.test.ts checks it).
    list: viewerProcedure.input(FlakyQuery).query(({ ctx, input }) => getFlakyTests({ db: ctx.db, input: { ...input.filters, limit: input.limit } })),
    history: reading(FlakyHistoryQuery, FlakyTestHistory, getFlakyTestHistory),
    setFixEffort: editorChange(FixEffortUpdate, FixEffortSet, (fix) => ({ action: "flaky.setFixEffort", target: `test ${fix.testId}` }), setFixEffort),
  }),
  investment: router({
    balance: reading(CostFilters, InvestmentBalance, getInvestmentBalance),
  }),
  reports: router({
    weekly: reading(WeeklyReportQuery, WeeklyReport, getWeeklyReport),
  }),
  costModel: router({
    get: viewerProcedure.output(CostModelView).query(({ ctx }) => getCostModel({ db: ctx.db })),
    update: editorChange(CostModelUpdate, CostModelView, (model) => ({ action: "costModel.update", target: model.team ?? "organisation" }), updateCostModel),
    history: reading(z.object({ team: z.string().min(1).max(200).optional() }).strict(), CostModelVersions, getCostModelHistory),
  }),
};
