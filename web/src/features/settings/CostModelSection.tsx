import { COST_MODEL_INPUT_NAMES } from "@keel/shared";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { useTRPC } from "../../api/trpc.ts";
import { EmptyState, LoadingState } from "../../components/StateMessage.tsx";
import type { CostModelData } from "../costs/apiTypes.ts";
import { QueryView } from "../../components/QueryView.tsx";
import { useOrgSettings } from "../org/useOrgSettings.ts";
import { CostModelForm } from "./CostModelForm.tsx";
import { CostModelHistory } from "./CostModelHistory.tsx";

/**
 * The cost model's editor: the organisation's inputs, one team's overrides, and each one's
 * versions (tRPC costModel.get, update, history). Every save adds a version.
 */
export function CostModelSection({ readOnly = false }: { readOnly?: boolean }) {
  const trpc = useTRPC();
  const model = useQuery(trpc.costModel.get.queryOptions());
  const settings = useOrgSettings();
  return (
    <QueryView query={model} loadingLabel="Loading the cost model…" lines={3} errorTitle="The cost model could not be loaded.">
      {(data) =>
        // Dates in the history follow the organisation's time zone: wait for it; the Organisation
        // section above already says when the settings could not be loaded.
        settings.isPending ? (
          <LoadingState label="Loading the cost model…" lines={3} />
        ) : (
          <CostModelEditor model={data} timeZone={settings.data?.timeZone ?? "UTC"} readOnly={readOnly} />
        )
      }
    </QueryView>
  );
}

/** The organisation's inputs, then one team's overrides, each with its versions. */
function CostModelEditor({ model, timeZone, readOnly }: { model: CostModelData; timeZone: string; readOnly: boolean }) {
  const [teamSlug, setTeamSlug] = useState<string | null>(null);
  const { organisation, teams, definitions } = model;
  const overridden = teams.filter((t) => Object.keys(t.overrides).length > 0);
  // Open on a team that has overrides, if any: that is the one worth a look.
  const team = teams.find((t) => t.team === teamSlug) ?? overridden[0] ?? teams[0];
  const teamOverrides = team ? COST_MODEL_INPUT_NAMES.filter((name) => team.overrides[name] !== undefined) : [];

  return (
    <>
      <p data-testid="cost-model-version">
        Version {organisation.version} for the organisation
        {overridden.length > 0 ? `, with overrides for ${overridden.map((t) => t.name).join(", ")}` : ""}. Figures for every period use the current version, so
        an edit changes the money of past weeks too and a trend compares like with like.{" "}
        <Link to="/executive">See the hours and money it gives in the Executive view</Link>.
      </p>

      <h3 id="cost-org-heading">The organisation&rsquo;s inputs</h3>
      <CostModelForm scope={{ kind: "organisation" }} model={model} readOnly={readOnly} />
      <h4 className="cost-history-heading">Versions</h4>
      <CostModelHistory scope={{ kind: "organisation" }} model={model} timeZone={timeZone} />

      <h3 id="cost-team-heading" className="cost-team-heading">
        Per team
      </h3>
      {team === undefined ? (
        <EmptyState>No teams yet. Create one under Teams to give it inputs of its own.</EmptyState>
      ) : (
        <>
          <p className="section-intro">
            A team&rsquo;s override replaces the organisation&rsquo;s input for that team&rsquo;s figures; an empty field follows the organisation. Its size is
            set under Teams.
          </p>
          <div className="field cost-team-picker">
            <label htmlFor="cost-team">Team</label>
            <select id="cost-team" value={team.team} onChange={(event) => setTeamSlug(event.target.value)}>
              {teams.map((t) => {
                const count = Object.keys(t.overrides).length;
                return (
                  <option key={t.team} value={t.team}>
                    {t.name}
                    {count > 0 ? ` (${count} override${count === 1 ? "" : "s"})` : ""}
                  </option>
                );
              })}
            </select>
          </div>
          <p data-testid="cost-team-overrides">
            {teamOverrides.length > 0
              ? `${team.name} overrides ${teamOverrides.map((name) => definitions[name].label).join(", ")} (version ${team.version}).`
              : `${team.name} overrides no input: it follows the organisation's.`}
          </p>
          {/* A new form per team, so one team's unsaved values never carry over to another. */}
          <CostModelForm key={team.team} scope={{ kind: "team", slug: team.team, name: team.name }} model={model} readOnly={readOnly} />
          <h4 className="cost-history-heading">{team.name}&rsquo;s versions</h4>
          <CostModelHistory scope={{ kind: "team", slug: team.team, name: team.name }} model={model} timeZone={timeZone} />
        </>
      )}
    </>
  );
}
