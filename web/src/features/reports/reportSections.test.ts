import type { ReportBlock } from "@keel/shared/reportBlocks";
import { expect, test } from "vitest";
import { reportSections } from "./reportSections.ts";

const table: ReportBlock = { kind: "table", head: ["cause"], numeric: [false], rows: [{ cells: ["Rework"] }] };

test.each<[string, ReportBlock[], ReturnType<typeof reportSections>]>([
  ["nothing", [], { title: "", intro: [], sections: [] }],
  [
    "a title, two lines, then sections by level-2 heading",
    [
      { kind: "heading", level: 1, text: "Weekly health report 2026-W41: the organisation" },
      { kind: "paragraph", text: "Monday 2026-10-05 to Sunday 2026-10-11." },
      { kind: "paragraph", text: "Keel has no deployment." },
      { kind: "heading", level: 2, text: "Engineering hours lost", id: "hours" },
      table,
      { kind: "paragraph", text: "Capacity share: unknown." },
      { kind: "heading", level: 2, text: "Cost model", id: "model" },
    ],
    {
      title: "Weekly health report 2026-W41: the organisation",
      intro: ["Monday 2026-10-05 to Sunday 2026-10-11.", "Keel has no deployment."],
      sections: [
        { id: "hours", title: "Engineering hours lost", blocks: [table, { kind: "paragraph", text: "Capacity share: unknown." }] },
        { id: "model", title: "Cost model", blocks: [] },
      ],
    },
  ],
  [
    "a heading without an id is numbered",
    [{ kind: "heading", level: 2, text: "Notes" }],
    { title: "", intro: [], sections: [{ id: "section-1", title: "Notes", blocks: [] }] },
  ],
])("%s", (_case, blocks, layout) => {
  expect(reportSections(blocks)).toEqual(layout);
});
