import { PageHeader } from "../components/PageHeader.tsx";
import { SettingsView } from "../features/settings/SettingsView.tsx";

export default function SettingsPage() {
  return (
    <>
      <PageHeader
        title="Settings"
        description="How Keel measures your organisation: time zone, levels, teams, services and the cost model; for admins also users, API tokens and the audit log."
      />
      <SettingsView />
    </>
  );
}
