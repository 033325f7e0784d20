import { PageHeader } from "../components/PageHeader.tsx";
import { SettingsView } from "../features/settings/SettingsView.tsx";

export default function SettingsPage() {
  return (
    <>
      <PageHeader title="Settings" description="How Keel measures your organisation: time zone, levels, teams, services and API tokens." />
      <SettingsView />
    </>
  );
}
