// costModel.update with nothing that changes adds no version (it used to add an empty one).
import { CostModelUpdate, DEFAULT_COST_MODEL_INPUTS, type CostModelUpdateInput } from "@keel/shared";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { updateCostModel } from "../../server/src/services/updateCostModel.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await database.prisma.team.create({ data: { slug: "alpha", name: "Alpha", size: 4 } });
});
afterAll(() => database.close());

const update = (input: CostModelUpdateInput) => updateCostModel({ db: database.prisma, input: CostModelUpdate.parse(input) });
const versions = (scope?: string) => database.prisma.costModelVersion.count(scope ? { where: { scope } } : undefined);

describe("costModel.update", () => {
  test("an organisation edit that changes nothing adds no version", async () => {
    await update({ inputs: {} });
    await update({ inputs: { loadedHourlyRateUsd: DEFAULT_COST_MODEL_INPUTS.loadedHourlyRateUsd }, note: "same as the default" });
    expect(await versions()).toBe(0);
    await update({ inputs: { loadedHourlyRateUsd: 150 } });
    await update({ inputs: { loadedHourlyRateUsd: 150 } });
    expect(await versions("org")).toBe(1);
  });

  test("a team edit that changes nothing adds no version; a new team size does", async () => {
    const team = await database.prisma.team.findUniqueOrThrow({ where: { slug: "alpha" } });
    await update({ team: "alpha", inputs: { contextSwitchMinutes: 30 } });
    await update({ team: "alpha", inputs: { contextSwitchMinutes: 30 }, teamSize: 4 });
    await update({ team: "alpha", inputs: {} });
    expect(await versions(team.id)).toBe(1);
    await update({ team: "alpha", teamSize: 6 });
    expect(await versions(team.id)).toBe(2);
    expect((await database.prisma.team.findUniqueOrThrow({ where: { slug: "alpha" } })).size).toBe(6);
  });
});
