import path from "node:path";
import { describe, expect, test } from "vitest";
import { ConfigError, parseEnv } from "./env.ts";

describe("parseEnv", () => {
  test("defaults are api.md's", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, KEEL_DEMO: true, LOG_LEVEL: "info" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.KEEL_API_TOKEN).toBeUndefined();
    expect(env.KEEL_DATA_DIR).toBe(path.resolve(".keel-data"));
  });

  test.each([
    [{ KEEL_DEMO: "0" }, { KEEL_DEMO: false }],
    [{ KEEL_DEMO: "1" }, { KEEL_DEMO: true }],
    [{ PORT: "8080" }, { PORT: 8080 }],
    [{ DATABASE_URL: "postgresql://u@h:5432/db" }, { DATABASE_URL: "postgresql://u@h:5432/db" }],
    [{ KEEL_ALLOWED_HOSTS: " keel.Example , 10.0.0.5,," }, { KEEL_ALLOWED_HOSTS: ["keel.example", "10.0.0.5"] }],
    [{ KEEL_OIDC_ALLOWED_DOMAINS: "acme.example" }, { KEEL_OIDC_ALLOWED_DOMAINS: ["acme.example"] }],
  ])("%j parses to %j", (input, expected) => {
    expect(parseEnv(input)).toMatchObject(expected);
  });

  test("an empty variable counts as unset", () => {
    expect(parseEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  test.each([
    [{ PORT: "eighty" }, "PORT"],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ KEEL_DEMO: "yes" }, "KEEL_DEMO"],
    [{ KEEL_API_TOKEN: "short" }, "KEEL_API_TOKEN"],
  ])("%j is refused, naming %s", (input, field) => {
    expect(() => parseEnv(input)).toThrow(ConfigError);
    expect(() => parseEnv(input)).toThrow(new RegExp(`${field}:`));
  });
});
