import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../api/trpc.ts";

export interface TeamChoice {
  slug: string;
  name: string;
}

/** The organisation's teams (slug and name), in the order the API lists them. */
export function useTeams() {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.costModel.get.queryOptions(),
    staleTime: 10 * 60_000,
    select: (model): TeamChoice[] => model.teams.map((t) => ({ slug: t.team, name: t.name })),
  });
}
