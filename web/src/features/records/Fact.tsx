// A record's facts, as a definition list's entries: the term, then what it is.
import type { ReactNode } from "react";

export function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The record in the tool it came from ("Open in your deployment tool"), when the event gave a link. */
export function ToolLinkFact({ url, tool }: { url: string | null; tool: string }) {
  if (!url) return null;
  return (
    <Fact term="Link">
      <a href={url} target="_blank" rel="noreferrer noopener">
        Open in your {tool} tool
      </a>
    </Fact>
  );
}
