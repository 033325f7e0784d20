// The server's report document (reports.weekly's `document`) cut into what the page lays out: the
// title, the lines under it, then one section per level-2 heading. Pure: the page adds no words.
import type { ReportBlock } from "@keel/shared/reportBlocks";

export interface ReportSection {
  /** The heading's id ("dora", "incidents"): the section is #report-<id>. */
  id: string;
  title: string;
  blocks: ReportBlock[];
}

export interface ReportLayout {
  title: string;
  /** The paragraphs before the first section: the week and its sources, then any note. */
  intro: string[];
  sections: ReportSection[];
}

export function reportSections(blocks: readonly ReportBlock[]): ReportLayout {
  const layout: ReportLayout = { title: "", intro: [], sections: [] };
  for (const block of blocks) {
    const current = layout.sections.at(-1);
    if (block.kind === "heading" && block.level === 1) layout.title = block.text;
    else if (block.kind === "heading") layout.sections.push({ id: block.id ?? `section-${layout.sections.length + 1}`, title: block.text, blocks: [] });
    else if (current) current.blocks.push(block);
    else if (block.kind === "paragraph") layout.intro.push(block.text);
  }
  return layout;
}
