import type { FlakyState } from "./flakySort.ts";

/** What each state means, in the words of the definitions (docs/costs.md "Flaky tests"). */
export const STATE_TEXT: Record<FlakyState, { label: string; meaning: string }> = {
  flaky: { label: "Flaky", meaning: "It failed and passed on the same commit, and has not yet run clean for long." },
  fixed: { label: "Fixed", meaning: "At least 20 runs over at least 14 days since its last flaky failure, all clean." },
  broken: { label: "Broken", meaning: "Its latest commit failed on every attempt: it fails for real, not at random." },
};
