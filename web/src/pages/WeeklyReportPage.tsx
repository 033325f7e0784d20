import { useSearchParams } from "react-router";
import { PageHeader } from "../components/PageHeader.tsx";
import { KnownTeamGate } from "../features/costs/KnownTeamGate.tsx";
import { OrgCalendarGate } from "../features/costs/OrgCalendarGate.tsx";
import { useOrgCalendar } from "../features/costs/useOrgCalendar.ts";
import { lastFullWeek, readReportChoice, writeReportChoice } from "../features/reports/reportWeek.ts";
import { WeeklyReportView } from "../features/reports/WeeklyReportView.tsx";
import { WeekPicker } from "../features/reports/WeekPicker.tsx";
import { CostPage } from "../features/costs/CostPage.tsx";
import "../features/reports/weeklyReport.css";

export default function WeeklyReportPage() {
  const [params, setParams] = useSearchParams();
  const choice = readReportChoice(params);
  const calendar = useOrgCalendar();
  return (
    <CostPage>
      <PageHeader title="Weekly report" description="One week's delivery health on one page: for the whole organisation or one team." />
      <OrgCalendarGate calendar={calendar}>
        {(today) => {
          const week = choice.week ?? lastFullWeek(today);
          return (
            <>
              <WeekPicker week={week} team={choice.team} today={today} onChange={(next) => setParams((current) => writeReportChoice(current, next))} />
              <KnownTeamGate team={choice.team} onClear={() => setParams((current) => writeReportChoice(current, { week }))}>
                <WeeklyReportView week={week} team={choice.team} />
              </KnownTeamGate>
            </>
          );
        }}
      </OrgCalendarGate>
    </CostPage>
  );
}
