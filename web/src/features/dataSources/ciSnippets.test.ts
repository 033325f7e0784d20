// The CI snippets are valid YAML, carry Keel's address, and call keel deploy and keel junit with
// flags the CLI has (server/src/cli/deploy.ts and junit.ts), reporting the build before its tests.
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { deployUsage } from "../../../../server/src/cli/deploy.ts";
import { junitUsage } from "../../../../server/src/cli/junit.ts";
import { ciSnippets } from "./ciSnippets.ts";

const snippets = ciSnippets("https://keel.example.com/");

describe.each(snippets.map((s) => [s.id, s] as const))("%s", (_id, snippet) => {
  test("parses as YAML and names Keel's address without a trailing slash", () => {
    const doc = parse(snippet.text) as Record<string, unknown>;
    const vars = (doc.env ?? doc.variables) as Record<string, string>;
    expect(vars.KEEL_URL).toBe("https://keel.example.com");
  });

  test("every keel flag it uses is one the CLI has", () => {
    const flags = [...snippet.text.matchAll(/keel (deploy|junit)((?:[^\n]|\n\s+--)*)/g)].flatMap(([, command, rest]) =>
      [...(rest ?? "").matchAll(/--([a-z-]+)/g)].map((m) => [command, m[1]] as const),
    );
    expect(flags.length).toBeGreaterThanOrEqual(6);
    for (const [command, flag] of flags) expect(command === "deploy" ? deployUsage : junitUsage, `${command} --${flag}`).toContain(`--${flag}`);
  });

  test("sends the build event before uploading its JUnit reports", () => {
    expect(snippet.text.indexOf("/api/v1/builds")).toBeGreaterThan(0);
    expect(snippet.text.indexOf("/api/v1/builds")).toBeLessThan(snippet.text.indexOf("keel junit"));
  });
});
