import type { ReactNode } from "react";

interface PageHeaderProps {
  title: string;
  /** One sentence on what the page answers. */
  description?: ReactNode;
}

export function PageHeader({ title, description }: PageHeaderProps) {
  return (
    <header className="page-header">
      {/* React 19 hoists <title> into <head>: each page names the browser tab. */}
      <title>{`${title} · Keel`}</title>
      <h1>{title}</h1>
      {description ? <p className="page-description">{description}</p> : null}
    </header>
  );
}
