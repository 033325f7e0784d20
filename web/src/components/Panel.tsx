import type { ReactNode } from "react";

interface PanelProps {
  /** The section's anchor (#teams); its heading is `${id}-heading` unless named otherwise. */
  id: string;
  title: string;
  headingId?: string;
  /** A sentence or two on what the section holds. */
  intro?: ReactNode;
  children: ReactNode;
}

/** One section of a settings-style page: a panel with its heading, which names it, and an intro. */
export function Panel({ id, title, headingId = `${id}-heading`, intro, children }: PanelProps) {
  return (
    <section id={id} className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {intro ? <p className="section-intro">{intro}</p> : null}
      {children}
    </section>
  );
}
