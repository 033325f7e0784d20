// HMAC-SHA256 signatures as GitHub and PagerDuty send them: lowercase hex of the digest over the
// raw request body. Compared in constant time.
import { createHmac, timingSafeEqual } from "node:crypto";

const SHA256_HEX = /^[0-9a-f]{64}$/i;

export function hmacSha256(secret: string, body: Uint8Array): Buffer {
  return createHmac("sha256", secret).update(body).digest();
}

/** True when `hex` is the hex form of `digest`; malformed or wrong-length input is simply false. */
export function matchesHexDigest(digest: Buffer, hex: string): boolean {
  return SHA256_HEX.test(hex) && timingSafeEqual(digest, Buffer.from(hex, "hex"));
}
