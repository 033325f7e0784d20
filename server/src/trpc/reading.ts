// A viewer's reading, written once: its input schema, the output schema its answer is checked
// with (shared/src/outputs/), and the one service that answers.
import type { z } from "zod";
import type { Db } from "../db/client.ts";
import { viewerProcedure } from "./init.ts";

export function reading<Input extends z.ZodType, Answer>(
  input: Input,
  output: z.ZodType<Answer>,
  service: (call: { db: Db; input: z.output<Input> }) => Promise<Answer>,
) {
  return viewerProcedure
    .input(input)
    .output(output)
    .query(({ ctx, input }) => service({ db: ctx.db, input: input as z.output<Input> }));
}
