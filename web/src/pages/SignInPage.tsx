import { SignInView } from "../features/auth/SignInView.tsx";

export default function SignInPage() {
  return <SignInView />;
}
