import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "../../api/trpc.ts";
import { Options } from "../../components/Options.tsx";
import { SettingsTable } from "../../components/SettingsTable.tsx";
import { invalidateAllBut } from "./invalidate.ts";
import { SaveStatus } from "./SaveStatus.tsx";

interface Props {
  services: { slug: string; name: string; team: string | null }[];
  teams: { slug: string; name: string }[];
  /** Shown, not changed: for a role that may not move services. */
  readOnly?: boolean;
}

/** Which team each service belongs to. A team's metrics cover the services it has now, history included. */
export function ServicesSection({ services, teams, readOnly = false }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const assign = useMutation(
    trpc.teams.assignService.mutationOptions({
      onSuccess: async (service) => {
        const team = teams.find((t) => t.slug === service.team);
        setMessage(team ? `${service.name} now belongs to ${team.name}.` : `${service.name} now belongs to no team.`);
        await invalidateAllBut(queryClient, ["tokens"]);
      },
    }),
  );
  return (
    <>
      <SettingsTable
        testId="services-table"
        caption="Services and their teams"
        headers={["Service", "Team"]}
        rows={services}
        empty="No services yet: they appear with their first event."
        row={(service) => {
          const pending = assign.isPending && assign.variables?.service === service.slug;
          return (
            <tr key={service.slug}>
              <th scope="row">
                <label htmlFor={`service-team-${service.slug}`}>{service.name}</label>
              </th>
              <td>
                <select
                  id={`service-team-${service.slug}`}
                  className="input"
                  value={pending ? (assign.variables?.team ?? "") : (service.team ?? "")}
                  disabled={pending || readOnly}
                  onChange={(event) => {
                    setMessage(null);
                    assign.mutate({ service: service.slug, team: event.target.value || null });
                  }}
                >
                  <option value="">No team</option>
                  <Options values={teams} value={(team) => team.slug} label={(team) => team.name} />
                </select>
              </td>
            </tr>
          );
        }}
      />
      {services.length === 0 ? null : <SaveStatus done={message} error={assign.isError ? assign.error : null} refused="Not moved" />}
    </>
  );
}
