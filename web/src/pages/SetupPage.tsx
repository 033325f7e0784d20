import { SetupView } from "../features/auth/SetupView.tsx";

export default function SetupPage() {
  return <SetupView />;
}
