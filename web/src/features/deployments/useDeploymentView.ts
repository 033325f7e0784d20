import { readDeploymentView, type DeploymentFilters } from "../records/recordFilters.ts";
import { useRecordView } from "../records/useRecordView.ts";

/** The Deployments page's state, all in the URL: filters, page, the open deployment. */
export function useDeploymentView() {
  return useRecordView(readDeploymentView);
}

export type DeploymentView = ReturnType<typeof useDeploymentView>;
export type { DeploymentFilters };
