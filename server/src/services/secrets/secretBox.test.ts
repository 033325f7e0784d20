import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { loadSecretKey, parseSecretKey, secretBox, SECRET_KEY_FILE } from "./secretBox.ts";

const key = Buffer.alloc(32, 7);

describe("secretBox", () => {
  test("opens what it sealed, and never seals the same text the same way twice", () => {
    const box = secretBox(key);
    const a = box.seal("ghp_secret");
    const b = box.seal("ghp_secret");
    expect(a).not.toBe(b);
    expect(a).not.toContain("ghp_secret");
    expect(box.open(a)).toBe("ghp_secret");
    expect(box.open(b)).toBe("ghp_secret");
  });

  test("another key, or an altered text, is refused in words", () => {
    const sealed = secretBox(key).seal("xoxb-1");
    expect(() => secretBox(Buffer.alloc(32, 8)).open(sealed)).toThrow(/not the key it was sealed with/);
    const altered = sealed.slice(0, -2) + (sealed.endsWith("A") ? "BB" : "AA");
    expect(() => secretBox(key).open(altered)).toThrow(/cannot be opened/);
    expect(() => secretBox(key).open("plain text")).toThrow(/not a sealed secret/);
  });
});

describe("parseSecretKey", () => {
  test.each([
    ["hex", key.toString("hex")],
    ["base64", key.toString("base64")],
    ["base64url", key.toString("base64url")],
  ])("reads %s", (_name, text) => {
    expect(parseSecretKey(text)).toEqual(key);
  });

  test.each(["", "short", "a".repeat(63), Buffer.alloc(16).toString("base64")])("refuses %j, naming the variable", (text) => {
    expect(() => parseSecretKey(text)).toThrow(/KEEL_SECRET_KEY/);
  });
});

describe("loadSecretKey", () => {
  test("the variable wins", () => {
    expect(loadSecretKey({ secretKey: key.toString("hex"), dataDir: "/nonexistent" })).toEqual(key);
  });

  test("PostgreSQL deployments must set it", () => {
    expect(() => loadSecretKey({})).toThrow(/KEEL_SECRET_KEY: must be set with DATABASE_URL/);
  });

  test("the embedded database makes one key, private to its owner, and keeps it", () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "keel-key-"));
    const first = loadSecretKey({ dataDir });
    expect(first).toHaveLength(32);
    expect(loadSecretKey({ dataDir })).toEqual(first);
    expect(statSync(path.join(dataDir, SECRET_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(readFileSync(path.join(dataDir, SECRET_KEY_FILE), "utf8").trim()).toBe(first.toString("base64"));
  });
});
