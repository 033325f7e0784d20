import type { ReactNode } from "react";
import { PeriodSelect } from "../filters/PeriodSelect.tsx";
import { DEFAULT_ENVIRONMENT } from "@keel/shared/scopeFilters";
import type { ScopeFilters } from "../filters/urlFilters.ts";
import { useCatalog } from "./useOrgSettings.ts";

interface ScopeFilterBarProps {
  filters: ScopeFilters;
  onChange: (next: ScopeFilters) => void;
  /** A page's own fields, after the common ones. */
  children?: ReactNode;
  /** Ids are prefixed so that two bars never share one. */
  idPrefix?: string;
}

/**
 * Period, team, service and environment. Every field applies at once (they are selects, so no
 * keystroke fires a request). Team and service come from the server; while they load, the URL's
 * value stays selected.
 */
export function ScopeFilterBar({ filters, onChange, children, idPrefix = "filter" }: ScopeFilterBarProps) {
  const catalog = useCatalog();
  const teams = catalog.data?.teams ?? [];
  const services = catalog.data?.services ?? [];
  const environments = catalog.data?.environments.length ? catalog.data.environments : [DEFAULT_ENVIRONMENT];
  // A value from the URL that the catalog does not list (still loading, or a typo) stays selectable.
  const unlisted = (list: { slug: string }[], value: string | undefined) => (value !== undefined && !list.some((x) => x.slug === value) ? value : undefined);
  const unlistedTeam = unlisted(teams, filters.team);
  const unlistedService = unlisted(services, filters.service);
  const shownServices = filters.team ? services.filter((s) => s.team === filters.team) : services;
  const environment = filters.environment ?? DEFAULT_ENVIRONMENT;
  const loading = catalog.isPending;

  function changeTeam(team: string) {
    const { team: _team, service, ...rest } = filters;
    const next: ScopeFilters = { ...rest };
    if (team) next.team = team;
    // A service of another team would match nothing: keep it only if it is the new team's.
    const known = services.find((s) => s.slug === service);
    if (service && (!team || !known || known.team === team)) next.service = service;
    onChange(next);
  }

  function changeService(service: string) {
    const { service: _service, ...rest } = filters;
    onChange(service ? { ...rest, service } : rest);
  }

  return (
    <form className="filter-bar" aria-label="Filters" onSubmit={(event) => event.preventDefault()}>
      <PeriodSelect kind="recent" id={`${idPrefix}-weeks`} value={filters.weeks} onChange={(weeks) => onChange({ ...filters, weeks })} />
      <div className="field">
        <label htmlFor={`${idPrefix}-team`}>Team</label>
        <select id={`${idPrefix}-team`} value={filters.team ?? ""} onChange={(event) => changeTeam(event.target.value)} aria-busy={loading}>
          <option value="">All teams</option>
          {teams.map((team) => (
            <option key={team.slug} value={team.slug}>
              {team.name}
            </option>
          ))}
          {unlistedTeam ? <option value={unlistedTeam}>{unlistedTeam}</option> : null}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-service`}>Service</label>
        <select id={`${idPrefix}-service`} value={filters.service ?? ""} onChange={(event) => changeService(event.target.value)} aria-busy={loading}>
          <option value="">{filters.team ? "All the team's services" : "All services"}</option>
          {filters.team ? (
            shownServices.map((s) => (
              <option key={s.slug} value={s.slug}>
                {s.name}
              </option>
            ))
          ) : (
            <ServicesByTeam services={services} teams={teams} />
          )}
          {unlistedService ? <option value={unlistedService}>{unlistedService}</option> : null}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-environment`}>Environment</label>
        <select
          id={`${idPrefix}-environment`}
          value={environment}
          onChange={(event) => {
            const { environment: _environment, ...rest } = filters;
            const value = event.target.value;
            onChange(value === DEFAULT_ENVIRONMENT ? rest : { ...rest, environment: value });
          }}
        >
          {environments.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
          {environments.includes(environment) ? null : <option value={environment}>{environment}</option>}
        </select>
      </div>
      {children}
    </form>
  );
}

function ServicesByTeam({ services, teams }: { services: { slug: string; name: string; team: string | null }[]; teams: { slug: string; name: string }[] }) {
  const groups = teams.map((team) => ({ label: team.name, services: services.filter((s) => s.team === team.slug) })).filter((g) => g.services.length > 0);
  const loose = services.filter((s) => s.team === null);
  if (loose.length > 0) groups.push({ label: "No team", services: loose });
  return (
    <>
      {groups.map((group) => (
        <optgroup key={group.label} label={group.label}>
          {group.services.map((s) => (
            <option key={s.slug} value={s.slug}>
              {s.name}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}
