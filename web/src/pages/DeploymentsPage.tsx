import { DeploymentFilterBar } from "../features/deployments/DeploymentFilterBar.tsx";
import { DeploymentList } from "../features/deployments/DeploymentList.tsx";
import { useDeploymentView } from "../features/deployments/useDeploymentView.ts";
import { RecordsPage } from "../features/records/RecordsPage.tsx";

export default function DeploymentsPage() {
  return <RecordsPage noun="deployments" useView={useDeploymentView} FilterBar={DeploymentFilterBar} List={DeploymentList} />;
}
