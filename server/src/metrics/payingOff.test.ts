import { expect, test } from "vitest";
import { payingOffSentence } from "./payingOff.ts";

test.each([
  [
    "above the target, losses falling",
    { name: "Payments", changes: 572, debtShare: 0.2738, target: 0.2, trend: { first: 13.62, last: 1, direction: "falling" as const } },
    "So far, yes: Payments put 27.4% of its 572 changes into debt (target 20.0%), and its hours lost fell from 13.6 h to 1.0 h a week.",
  ],
  [
    "below the target, losses rising",
    { name: "Checkout", changes: 1555, debtShare: 0.0834, target: 0.2, trend: { first: 6.1, last: 29.67, direction: "rising" as const } },
    "Checkout is below its debt target: it put 8.3% of its 1,555 changes into debt (target 20.0%), and its hours lost rose from 6.1 h to 29.7 h a week.",
  ],
  [
    "above the target, losses rising",
    { name: "Platform", changes: 612, debtShare: 0.26, target: 0.25, trend: { first: 0.5, last: 6.07, direction: "rising" as const } },
    "Not yet: Platform put 26.0% of its 612 changes into debt (target 25.0%), but its hours lost rose from 0.5 h to 6.1 h a week.",
  ],
  [
    "above the target, flat",
    { name: "A", changes: 10, debtShare: 0.3, target: 0.2, trend: { first: 4, last: 4.1, direction: "flat" as const } },
    "Not clearly: A put 30.0% of its 10 changes into debt (target 20.0%), and its hours lost stayed flat (4.0 h to 4.1 h a week).",
  ],
  [
    "below the target, losses falling",
    { name: "B", changes: 1, debtShare: 0, target: 0.2, trend: { first: 2, last: 1, direction: "falling" as const } },
    "B is below its debt target: it put 0.0% of its 1 change into debt (target 20.0%), yet its hours lost fell from 2.0 h to 1.0 h a week.",
  ],
  [
    "no trend",
    { name: "C", changes: 3, debtShare: 0.2, target: 0.2, trend: null },
    "Too early to tell: C put 20.0% of its 3 changes into debt (target 20.0%), but there are too few weeks to see a trend in its hours lost.",
  ],
  [
    "no changes",
    { name: "D", changes: 0, debtShare: null, target: 0.2, trend: null },
    "D made no changes in these weeks, so there is no debt share to judge yet.",
  ],
])("%s", (_case, input, sentence) => {
  expect(payingOffSentence(input)).toBe(sentence);
});
