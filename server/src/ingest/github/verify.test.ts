import { createHmac } from "node:crypto";
import { describe, expect, test } from "vitest";
import { verifyGithubSignature } from "./verify.ts";

// The example in GitHub's "Validating webhook deliveries" documentation.
const secret = "It's a Secret to Everybody";
const body = Buffer.from("Hello, World!");
const documented = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

describe("verifyGithubSignature", () => {
  test("accepts GitHub's documented example", () => {
    expect(verifyGithubSignature(secret, body, documented)).toBe(true);
  });

  test.each([
    ["a missing header", undefined],
    ["an empty header", ""],
    ["another secret's signature", `sha256=${createHmac("sha256", "not the secret").update(body).digest("hex")}`],
    ["a signature of another body", `sha256=${createHmac("sha256", secret).update("Hello, World?").digest("hex")}`],
    ["the old SHA-1 header format", "sha1=01dc10d0c83e72ed246219cdd91669667fe2ca59"],
    ["no sha256= prefix", documented.slice("sha256=".length)],
    ["a truncated signature (wrong length)", documented.slice(0, -2)],
    ["a longer signature (wrong length)", `${documented}00`],
    ["non-hex characters", `${documented.slice(0, -1)}z`],
  ])("rejects %s", (_name, header) => {
    expect(verifyGithubSignature(secret, body, header)).toBe(false);
  });

  test("covers the exact bytes: re-serialised JSON with the same meaning does not verify", () => {
    const raw = Buffer.from('{"zen": "Keep it logically awesome."}');
    const header = `sha256=${createHmac("sha256", secret).update(raw).digest("hex")}`;
    expect(verifyGithubSignature(secret, raw, header)).toBe(true);
    expect(verifyGithubSignature(secret, Buffer.from(JSON.stringify(JSON.parse(raw.toString()))), header)).toBe(false);
  });
});
