import type { ReactNode } from "react";

/** Says plainly that a view is still to come and what it will show: no stand-in numbers. */
export function NotBuiltYet({ children }: { children: ReactNode }) {
  return (
    <section className="not-built" aria-label="Status of this view">
      <p>
        <strong>This view is not built yet.</strong> {children}
      </p>
    </section>
  );
}
