import { useSearchParams } from "react-router";
import { writeScope, type ScopeFilters } from "../filters/urlFilters.ts";
import { readDeploymentView, writeListParams, type DeploymentFilters } from "../records/recordFilters.ts";

/** The Deployments page's state, all in the URL: filters, page, the open deployment. */
export function useDeploymentView() {
  const [params, setParams] = useSearchParams();
  const view = readDeploymentView(params);
  return {
    ...view,
    setScope: (filters: ScopeFilters) => setParams((current) => writeListParams(writeScope(current, filters), { page: 1 })),
    setFilters: (values: Partial<Record<"status" | "kind" | "failure", string>>) => setParams((current) => writeListParams(current, { ...values, page: 1 })),
    setPage: (page: number) => setParams((current) => writeListParams(current, { page })),
    select: (id: string | undefined) => setParams((current) => writeListParams(current, { selected: id })),
  };
}

export type DeploymentView = ReturnType<typeof useDeploymentView>;
export type { DeploymentFilters };
