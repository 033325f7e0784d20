// Sets a flaky test's estimated fix effort (tRPC flaky.setFixEffort), used by its fix payback;
// null returns it to the cost model's default.
import type { FixEffortSetData } from "@keel/shared/outputs";
import type { Db } from "../db/client.ts";
import { KeelError } from "../errors.ts";

export async function setFixEffort({ db, input }: { db: Db; input: { testId: number; hours: number | null } }): Promise<FixEffortSetData> {
  const updated = await db.testCase.updateMany({ where: { id: input.testId }, data: { fixEffortHours: input.hours } });
  if (updated.count === 0) throw new KeelError("NOT_FOUND", `No test with id ${input.testId}.`);
  return { testId: input.testId, fixEffortHours: input.hours };
}
