import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { verifyPagerdutySignature } from "./verify.ts";

// The test vector of PagerDuty's own Go client (go-pagerduty, webhookv3/webhookv3_test.go): its
// secret, its exact body bytes, and the signature it expects.
const secret = "lDQHScfUeXUKaQRNF+8XIiDKZ7XX3itBAYzwU0TARw8lJqRnkKl2iB1anSb0Z+IK";
const body = readFileSync(fileURLToPath(new URL("../../../../test/fixtures/webhooks/pagerduty/go-pagerduty-signed-body.json", import.meta.url)));
const valid = "v1=0c0b9495b893a39e70d1fea2fe11fbe0a825f88b9f67846f6cc07dd2bc5476cd";
const mismatch = "v1=7020c8a7ec668a9b7012bc3dd82e483394b038f4230acc6785efbf2a7d8bcaf5";

describe("verifyPagerdutySignature", () => {
  test("accepts PagerDuty's own test vector", () => {
    expect(verifyPagerdutySignature(secret, body, valid)).toBe(true);
  });

  test.each([
    ["the valid one last", `${mismatch},${valid}`],
    ["the valid one first", `${valid},${mismatch}`],
    ["spaces after the commas", `${mismatch}, ${valid}`],
    ["a future signature version beside it", `v2=abc,${valid}`],
  ])("accepts several signatures (secret rotation) with %s", (_name, header) => {
    expect(verifyPagerdutySignature(secret, body, header)).toBe(true);
  });

  test.each([
    ["a missing header", undefined],
    ["an empty header", ""],
    ["go-pagerduty's mismatching signature", mismatch],
    ["only wrong signatures", `${mismatch},v1=${"0".repeat(64)}`],
    ["the right digest without the v1= prefix", valid.slice(3)],
    ["the right digest under another version", `v0=${valid.slice(3)}`],
    ["a truncated signature (wrong length)", valid.slice(0, -2)],
    ["a longer signature (wrong length)", `${valid}ab`],
    [
      "a signature of another body",
      `v1=${createHmac("sha256", secret)
        .update(Buffer.concat([body, Buffer.from(" ")]))
        .digest("hex")}`,
    ],
  ])("rejects %s", (_name, header) => {
    expect(verifyPagerdutySignature(secret, body, header)).toBe(false);
  });
});
