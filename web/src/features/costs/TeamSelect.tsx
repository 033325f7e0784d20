// The team field of the cost views' and the weekly report's filter bars: the organisation's teams
// by name, "All teams" where a view may show the whole organisation, and a team from the URL that
// the list does not know still shown, so the select tells the truth.
import { useTeams } from "./useTeams.ts";

interface TeamSelectProps {
  id: string;
  /** A team's slug; "" for all teams. */
  value: string;
  /** Offer "All teams" (the organisation); without it a team must be chosen. */
  allTeams?: boolean;
  /** The chosen team's slug, or undefined for all teams. */
  onChange: (team: string | undefined) => void;
}

export function TeamSelect({ id, value, allTeams = true, onChange }: TeamSelectProps) {
  const teams = useTeams();
  const known = teams.data?.some((t) => t.slug === value) ?? true;
  return (
    <div className="field">
      <label htmlFor={id}>Team</label>
      <select id={id} value={value} disabled={teams.isPending} onChange={(event) => onChange(event.target.value || undefined)}>
        {allTeams ? <option value="">All teams</option> : null}
        {!known && value ? <option value={value}>{value}</option> : null}
        {teams.data?.map((t) => (
          <option key={t.slug} value={t.slug}>
            {t.name}
          </option>
        ))}
      </select>
    </div>
  );
}
