import type { ReactNode } from "react";
import { QueryView } from "../../components/QueryView.tsx";
import type { useOrgCalendar } from "./useOrgCalendar.ts";

/** Renders its children once the organisation's today is known (its time zone is a setting). */
export function OrgCalendarGate({
  calendar,
  children,
}: {
  calendar: ReturnType<typeof useOrgCalendar>;
  children: (today: string, timeZone: string) => ReactNode;
}) {
  return (
    <QueryView
      query={calendar.settings}
      loadingLabel="Loading the organisation's settings…"
      lines={3}
      chart
      errorTitle="The organisation's settings could not be loaded."
    >
      {() => (calendar.today && calendar.timeZone ? children(calendar.today, calendar.timeZone) : null)}
    </QueryView>
  );
}
