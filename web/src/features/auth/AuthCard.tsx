import type { ReactNode } from "react";
import "../settings/settings.css";
import "./auth.css";

/** The sign-in and setup pages' frame: Keel's name, a heading and the tab's title. */
export function AuthCard({ title, tabTitle, children }: { title: string; tabTitle: string; children: ReactNode }) {
  return (
    <main id="main" className="auth-page">
      <title>{`${tabTitle} · Keel`}</title>
      <div className="auth-card">
        <p className="brand">
          <span className="brand-mark" aria-hidden="true" />
          Keel
        </p>
        <h1>{title}</h1>
        {children}
      </div>
    </main>
  );
}
