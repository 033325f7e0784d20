// PagerDuty v3 signs each delivery: X-PagerDuty-Signature holds one or more comma-separated
// "v1=<hex HMAC-SHA256 of the raw body>", one per signing secret while a secret is being rotated.
// A delivery is authentic when any v1 signature matches.
import { hmacSha256, matchesHexDigest } from "../hmac.ts";

export function verifyPagerdutySignature(secret: string, body: Uint8Array, header: string | undefined): boolean {
  if (!header) return false;
  const expected = hmacSha256(secret, body);
  return header
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part.startsWith("v1="))
    .some((part) => matchesHexDigest(expected, part.slice("v1=".length)));
}
