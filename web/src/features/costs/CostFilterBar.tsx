import type { ReactNode } from "react";
import { PeriodSelect } from "../filters/PeriodSelect.tsx";
import { costWindow, type CostFilters } from "./costFilters.ts";
import { TeamSelect } from "./TeamSelect.tsx";
import { addDays, dateRangeLabel } from "@keel/shared/calendar";

interface CostFilterBarProps {
  filters: CostFilters;
  onChange: (next: CostFilters) => void;
  /** The organisation's today, to name the window's dates; unknown while settings load. */
  today: string | undefined;
  /** Offer "All teams" (the organisation); without it a team must be chosen. */
  allTeams?: boolean;
  /** The team shown when none is in the URL (for views that always show one team). */
  defaultTeam?: string | undefined;
  children?: ReactNode;
}

/** Window and team: both apply at once and live in the URL. */
export function CostFilterBar({ filters, onChange, today, allTeams = true, defaultTeam, children }: CostFilterBarProps) {
  const span = today ? costWindow(filters.weeks, today) : null;

  return (
    <form className="filter-bar cost-filter-bar" aria-label="Filters" onSubmit={(event) => event.preventDefault()}>
      <PeriodSelect kind="whole" id="cost-window" value={filters.weeks} onChange={(weeks) => onChange({ ...filters, weeks })} />
      <TeamSelect
        id="cost-team"
        value={filters.team ?? defaultTeam ?? ""}
        allTeams={allTeams}
        onChange={(team) => onChange(team ? { ...filters, team } : { weeks: filters.weeks })}
      />
      {span ? (
        <p className="filter-window" data-window-from={span.from} data-window-to={span.to}>
          {dateRangeLabel(span.from, addDays(span.to, -1))}
        </p>
      ) : null}
      {children ? <div className="filter-actions">{children}</div> : null}
    </form>
  );
}
