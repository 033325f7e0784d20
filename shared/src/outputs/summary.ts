// A business sentence with the figures in it and how it was computed (server/src/metrics/
// summaryParts.ts): the investment balance's "is the debt paying off", the weekly report's, and
// the cost summaries (tRPC costs.summaries).
// Fields in the order the server writes them (summaryParts.ts `fig`).
import { z } from "zod";
import { Window } from "./common.ts";

export const Summary = z.strictObject({
  id: z.enum(["flakyTests", "failedChanges", "total", "fixedTests", "deliveryImprovement", "investment", "payingOff"]),
  text: z.string(),
  figures: z.array(
    z.strictObject({
      name: z.string(),
      value: z.number(),
      unit: z.enum(["hours", "usd", "share", "sprints", "weeks", "count"]),
      /** How it is written in the sentence. */
      shown: z.string(),
    }),
  ),
  howComputed: z.strictObject({
    formula: z.array(z.string()),
    inputs: z.array(z.strictObject({ name: z.string(), value: z.union([z.number(), z.string()]).nullable(), unit: z.string() })),
    costModel: z.string(),
  }),
});
export type SummaryData = z.infer<typeof Summary>;

/** The executive view's sentences for any window and scope (server/src/services/getSummaries.ts). */
export const Summaries = z.strictObject({ window: Window, summaries: z.array(Summary) });
export type SummariesData = z.infer<typeof Summaries>;
