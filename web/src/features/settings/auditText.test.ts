import { expect, test } from "vitest";
import { actorText, changesText } from "./auditText.ts";

test("actors read as who they are", () => {
  expect(actorText("user:ana@example.com")).toBe("ana@example.com");
  expect(actorText("token:github-actions")).toBe("API token github-actions");
  expect(actorText("anonymous")).toBe("anonymous");
  expect(actorText("system")).toBe("system");
});

test("changes read as key: value, in order", () => {
  expect(changesText({ role: "editor", disabled: true })).toBe("role: editor, disabled: yes");
  expect(changesText({ size: 8, debtTarget: null, enabled: false })).toBe("size: 8, debtTarget: none, enabled: no");
});

test("the target itself is not repeated as a change", () => {
  expect(changesText({ email: "ana@example.com", role: "admin" }, "ana@example.com")).toBe("role: admin");
  expect(changesText({ slug: "payments", name: "Payments" }, "payments")).toBe("name: Payments");
});

test("nested changes are flattened to dotted keys", () => {
  expect(changesText({ inputs: { hourlyCost: 90, waitFactor: 0.5 }, note: "2027 rates" })).toBe(
    "inputs.hourlyCost: 90, inputs.waitFactor: 0.5, note: 2027 rates",
  );
});

test("lists, secrets left out by the server, and long values", () => {
  expect(changesText({ scopes: ["read", "ingest"], password: "(set)" })).toBe("scopes: [read, ingest], password: (set)");
  const long = "x".repeat(200);
  const text = changesText({ note: long });
  expect(text.length).toBeLessThan(100);
  expect(text.endsWith("…")).toBe(true);
});

test("no changes read as nothing", () => {
  expect(changesText({})).toBe("");
});
