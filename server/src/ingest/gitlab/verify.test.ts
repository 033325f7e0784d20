import { describe, expect, test } from "vitest";
import { verifyGitlabToken } from "./verify.ts";

describe("verifyGitlabToken", () => {
  test("accepts the configured token", () => {
    expect(verifyGitlabToken("s3cr3t-gitlab-token", "s3cr3t-gitlab-token")).toBe(true);
  });

  test.each([
    ["a missing header", undefined],
    ["an empty header", ""],
    ["another token", "s3cr3t-gitlab-tokeN"],
    ["a prefix of the token (wrong length)", "s3cr3t-gitlab"],
    ["the token plus more (wrong length)", "s3cr3t-gitlab-token "],
  ])("rejects %s", (_name, header) => {
    expect(verifyGitlabToken("s3cr3t-gitlab-token", header)).toBe(false);
  });
});
