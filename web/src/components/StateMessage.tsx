// The three states every data view has besides "here is your data": loading, empty, failed.
import type { ReactNode } from "react";

/** A grey outline of the content to come, so the page does not jump when it arrives. */
export function LoadingState({ label, lines = 1, chart = false }: { label: string; lines?: number; chart?: boolean }) {
  return (
    <div className="state state-loading" role="status">
      <span className="visually-hidden">{label}</span>
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} className="skeleton skeleton-line" aria-hidden="true" />
      ))}
      {chart ? <div className="skeleton skeleton-chart" aria-hidden="true" /> : null}
    </div>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <div className="state state-empty">{children}</div>;
}

interface ErrorStateProps {
  title: string;
  /** What went wrong, as the server or browser said it. */
  detail?: string | undefined;
  onRetry: () => void;
  retrying?: boolean;
}

export function ErrorState({ title, detail, onRetry, retrying = false }: ErrorStateProps) {
  return (
    <div className="state state-error" role="alert">
      <p className="state-title">{title}</p>
      {detail ? <p className="state-detail">{detail}</p> : null}
      <button type="button" className="button" onClick={onRetry} disabled={retrying}>
        {retrying ? "Retrying…" : "Try again"}
      </button>
    </div>
  );
}
