// A flaky test named in a table's row header: its own name first, then where it lives, on two lines.
import { testShortName, testWhere, type TestIdentityLike } from "../flaky/testName.ts";

export function TestNameCell({ test }: { test: TestIdentityLike }) {
  return (
    <>
      <span className="test-name">{testShortName(test)}</span>
      <span className="test-where">{testWhere(test)}</span>
    </>
  );
}
