// Choosing the report's week (previous and next buttons, or a list of the past year's weeks) and
// its team. Both live in the URL.
import { TeamSelect } from "../costs/TeamSelect.tsx";
import { weekChoices, weekOptionLabel, type ReportChoice } from "./reportWeek.ts";
import { isoWeekOf, shiftIsoWeek } from "@keel/shared/calendar";

interface WeekPickerProps {
  week: string;
  team: string | undefined;
  today: string;
  onChange: (choice: ReportChoice) => void;
}

export function WeekPicker({ week, team, today, onChange }: WeekPickerProps) {
  const current = isoWeekOf(today);
  const weeks = weekChoices(today, week);
  const oldest = weeks.at(-1);
  const withTeam = (w: string): ReportChoice => (team ? { week: w, team } : { week: w });

  return (
    <form className="filter-bar week-picker" aria-label="Week and team" onSubmit={(event) => event.preventDefault()}>
      <div className="field">
        <label htmlFor="report-week">Week</label>
        <div className="week-stepper">
          <button
            type="button"
            className="button button-quiet"
            aria-label="Previous week"
            disabled={week === oldest}
            onClick={() => onChange(withTeam(shiftIsoWeek(week, -1)))}
          >
            <span aria-hidden="true">‹</span>
          </button>
          <select id="report-week" value={week} onChange={(event) => onChange(withTeam(event.target.value))}>
            {weeks.map((w) => (
              <option key={w} value={w}>
                {weekOptionLabel(w, today)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button-quiet"
            aria-label="Next week"
            disabled={week >= current}
            onClick={() => onChange(withTeam(shiftIsoWeek(week, 1)))}
          >
            <span aria-hidden="true">›</span>
          </button>
        </div>
      </div>
      <TeamSelect id="report-team" value={team ?? ""} onChange={(chosen) => onChange(chosen ? { week, team: chosen } : { week })} />
    </form>
  );
}
