// A business sentence with the figures in it and how it was computed (server/src/metrics/
// summaryParts.ts): the investment balance's "is the debt paying off" and the cost summaries.
// Fields in the order the server writes them (summaryParts.ts `fig`).
import { z } from "zod";

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
