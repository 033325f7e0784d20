// zod issues as the API reports them (api.md "Errors"): one { path, message } per failing field,
// the path written `events[3].finishedAt`. The server's 400s and the CLI's local checks both use it.
import type { z } from "zod";

export interface IssueDetail {
  path: string;
  message: string;
}

/** `events[3].finishedAt` from zod's path array; `(body)` for the whole value. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || "(body)";
}

/** Every issue of a failed parse; an unknown key is named by its own path, not its object's. */
export function issueDetails(error: z.ZodError, prefix: readonly PropertyKey[] = []): IssueDetail[] {
  return error.issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ path: formatPath([...path, key]), message: "is not a known field" }));
    }
    return [{ path: formatPath(path), message: issue.message }];
  });
}
