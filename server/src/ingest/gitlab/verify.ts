// GitLab does not sign deliveries: X-Gitlab-Token carries the configured secret token itself.
// Both sides are hashed first, so the constant-time comparison does not depend on their lengths.
import { createHash, timingSafeEqual } from "node:crypto";

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest();

export function verifyGitlabToken(expected: string, header: string | undefined): boolean {
  if (header === undefined) return false;
  return timingSafeEqual(sha256(expected), sha256(header));
}
