// GitHub signs each delivery: X-Hub-Signature-256 is "sha256=" + the hex HMAC-SHA256 of the raw
// body, keyed with the webhook's secret.
import { hmacSha256, matchesHexDigest } from "../hmac.ts";

export function verifyGithubSignature(secret: string, body: Uint8Array, header: string | undefined): boolean {
  if (!header?.startsWith("sha256=")) return false;
  return matchesHexDigest(hmacSha256(secret, body), header.slice("sha256=".length));
}
