import { expect, test } from "vitest";
import { slippedSentence, teamsLastWeek, type TeamWeeks } from "./teamsLastWeek.ts";

const week = (bucketStart: string, total: number) => ({ bucketStart, total, costUsd: total * 100 });
const teams: TeamWeeks[] = [
  { team: "checkout", name: "Checkout", hoursLost: [week("2026-10-26", 10), week("2026-11-02", 14), week("2026-11-09", 16.2)] },
  { team: "payments", name: "Payments", hoursLost: [week("2026-10-26", 2), week("2026-11-02", 1), week("2026-11-09", 0)] },
  { team: "platform", name: "Platform", hoursLost: [week("2026-10-26", 0.5), week("2026-11-02", 0.5), week("2026-11-09", 22.3)] },
];

test("compares each team's last week with the week before and its own average", () => {
  const result = teamsLastWeek(teams, "2026-11-09");
  expect(result.earlierWeeks).toBe(2);
  expect(result.rows.map((r) => [r.team, r.hours, r.weekBefore, r.average, r.aboveAverage])).toEqual([
    ["checkout", 16.2, 14, 12, expect.closeTo(4.2, 10)],
    ["payments", 0, 1, 1.5, -1.5],
    ["platform", 22.3, 0.5, 0.5, expect.closeTo(21.8, 10)],
  ]);
  expect(result.slipped?.team).toBe("platform");
  expect(slippedSentence(result)).toBe(
    "Last week (9–15 Nov 2026), Platform slipped the most: it lost 22.3 h ($2,230.00), against an average of 0.5 h a week over the 2 weeks before.",
  );
});

test("a steady rise is not a slip: the team furthest above its own average is named", () => {
  const steady: TeamWeeks[] = [{ team: "checkout", name: "Checkout", hoursLost: [week("2026-11-02", 30), week("2026-11-09", 31)] }, ...teams.slice(2)];
  expect(teamsLastWeek(steady, "2026-11-09").slipped?.team).toBe("platform");
});

test("when nobody rose above their average, or there is nothing to compare", () => {
  const calm = teamsLastWeek([teams[1] as TeamWeeks], "2026-11-09");
  expect(calm.slipped).toBeNull();
  expect(slippedSentence(calm)).toBe("Last week (9–15 Nov 2026), no team lost more hours than its own weekly average over the 2 weeks before.");
  const one = teamsLastWeek([teams[2] as TeamWeeks], "2026-11-09");
  expect(slippedSentence(one)).toMatch(/^Last week \(9–15 Nov 2026\), Platform slipped: it lost 22\.3 h/);
  const single = teamsLastWeek([{ team: "a", name: "A", hoursLost: [week("2026-11-09", 3)] }], "2026-11-09");
  expect(slippedSentence(single)).toBe("Last week (9–15 Nov 2026) is the only week in this window: choose a longer window to compare.");
  expect(slippedSentence(teamsLastWeek([], "2026-11-09"))).toBe("Last week (9–15 Nov 2026), no team had figures.");
});
