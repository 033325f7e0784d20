// A record's facts (a deployment, an incident, a flaky test), as the entries of a <dl
// className="facts">: the term, then what it is.
import type { ReactNode } from "react";

interface FactProps {
  term: string;
  /** On the value. */
  className?: string;
  testId?: string;
  children: ReactNode;
}

export function Fact({ term, className, testId, children }: FactProps) {
  return (
    <div>
      <dt>{term}</dt>
      <dd className={className} data-testid={testId}>
        {children}
      </dd>
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
