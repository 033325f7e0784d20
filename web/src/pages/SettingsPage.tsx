import { NotBuiltYet } from "../components/NotBuiltYet.tsx";
import { PageHeader } from "../components/PageHeader.tsx";

export default function SettingsPage() {
  return (
    <>
      <PageHeader title="Settings" description="How Keel measures and costs your organisation." />
      <NotBuiltYet>
        It will let you set the organisation's time zone, the DORA report year whose level
        thresholds apply (2023 or 2024), the debt target, the cost model's inputs (loaded hourly
        rate, hours per week, sprint length, team sizes and the rest) with per-team overrides, and
        create or revoke API tokens.
      </NotBuiltYet>
    </>
  );
}
