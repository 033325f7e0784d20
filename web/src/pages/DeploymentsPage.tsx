import { PageHeader } from "../components/PageHeader.tsx";
import { DeploymentFilterBar } from "../features/deployments/DeploymentFilterBar.tsx";
import { DeploymentList } from "../features/deployments/DeploymentList.tsx";
import { useDeploymentView } from "../features/deployments/useDeploymentView.ts";

export default function DeploymentsPage() {
  const view = useDeploymentView();
  return (
    <>
      <PageHeader title="Deployments" description="Every deployment of the period: which ones caused a failure, why, and what they shipped." />
      <DeploymentFilterBar view={view} />
      <DeploymentList view={view} />
    </>
  );
}
