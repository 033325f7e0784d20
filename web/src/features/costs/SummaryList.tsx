import { EmptyState } from "../../components/StateMessage.tsx";
import type { SummaryData } from "./apiTypes.ts";
import { HowComputed } from "./HowComputed.tsx";

/** The API's business sentences, each with its arithmetic one click away. */
export function SummaryList({ summaries }: { summaries: SummaryData[] }) {
  if (summaries.length === 0) return <EmptyState>No figures to summarise for this period.</EmptyState>;
  return (
    <ul className="summary-list">
      {summaries.map((s, i) => (
        <li key={`${s.id}-${i}`} className="summary-item" data-summary={s.id}>
          <p className="summary-text">{s.text}</p>
          <HowComputed how={s.howComputed} id={`summary-${i}`} />
        </li>
      ))}
    </ul>
  );
}
