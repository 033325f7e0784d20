// A records page (Deployments, Incidents): its header, its filter bar and its list, which share one
// view of the URL; the records' stylesheets, and the class they are scoped under, so that they
// style these pages only and no other page shown after one (a page's stylesheet stays loaded).
import type { ComponentType } from "react";
import { PageHeader } from "../../components/PageHeader.tsx";
import "./records.css";
import "./csvDownload.css";
import "./recordDetail.css";

const HEADER = {
  deployments: { title: "Deployments", description: "Every deployment of the period: which ones caused a failure, why, and what they shipped." },
  incidents: { title: "Incidents", description: "Incidents, how long recovery took, and the deployment each one counts against." },
} as const;

interface RecordsPageProps<V> {
  noun: keyof typeof HEADER;
  /** The page's state in the URL, read once for the filter bar and the list. */
  useView: () => V;
  FilterBar: ComponentType<{ view: V }>;
  List: ComponentType<{ view: V }>;
}

export function RecordsPage<V>({ noun, useView, FilterBar, List }: RecordsPageProps<V>) {
  const view = useView();
  return (
    <div className="records-page">
      <PageHeader {...HEADER[noun]} />
      <FilterBar view={view} />
      <List view={view} />
    </div>
  );
}
