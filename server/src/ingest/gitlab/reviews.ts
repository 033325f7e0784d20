// GitLab reviews of merge requests: approvals (Merge Request Hook) and comments (Note Hook) by
// someone other than the author and not a bot. Recorded by merge request, earliest wins
// (services/recordReviews.ts); docs/metrics.md, "First review".
import type { z } from "zod";
import { dropped, isTimestamp, type MapResult } from "../mapResult.ts";
import { gitlabTime } from "./gitlabTime.ts";
import type { MergeRequestHook, NoteHook } from "./payloadTypes.ts";

// "approval": one user approved; "approved": the approval that met the rules (sent instead of
// "approval"). Either is someone reviewing. Unapprovals take nothing back: the review happened.
export const approvalActions = new Set(["approval", "approved"]);

export function mapApproval(hook: z.infer<typeof MergeRequestHook>, receivedAt: string | undefined): MapResult {
  const { object_attributes: mr, project, user } = hook;
  const what = `approval of merge request !${mr.iid}`;
  if (!isTimestamp(receivedAt)) return dropped(`${what}: no time (an approval's hook carries none)`);
  const notCounted = notAReviewer(user, mr.author_id);
  if (notCounted) return dropped(`${what}: ${notCounted}`);
  return { events: [], dropped: [], reviews: [{ repository: project.path_with_namespace, prNumber: mr.iid, reviewedAt: receivedAt }] };
}

/** A comment on a merge request by someone other than its author is a review, at the comment's creation. */
export function mapNote({ object_attributes: note, merge_request: mr, project, user }: z.infer<typeof NoteHook>): MapResult {
  const what = `note ${note.id}`;
  if (note.noteable_type !== "MergeRequest" || !mr) return dropped(`${what}: on noteable_type ${note.noteable_type}, not a merge request`);
  if (note.system) return dropped(`${what}: a system note on merge request !${mr.iid}`);
  const reviewedAt = gitlabTime(note.created_at);
  if (!reviewedAt) return dropped(`${what}: unreadable created_at "${note.created_at}"`);
  const notCounted = notAReviewer({ id: note.author_id ?? user?.id, username: user?.username }, mr.author_id);
  if (notCounted) return dropped(`${what} on merge request !${mr.iid}: ${notCounted}`);
  return { events: [], dropped: [], reviews: [{ repository: project.path_with_namespace, prNumber: mr.iid, reviewedAt }] };
}

// GitLab's payloads do not mark bots; the bot users behind project and group access tokens are
// named project_<id>_bot_<suffix> and group_<id>_bot_<suffix>.
const ACCESS_TOKEN_BOT = /^(project|group)_\d+_bot/;

/** Why this user's approval or note is not a review; undefined when it is one. */
function notAReviewer(
  user: { id?: number | null | undefined; username?: string | null | undefined } | null | undefined,
  authorId: number | null | undefined,
): string | undefined {
  if (user?.id == null) return "the user is unknown";
  if (user.id === authorId) return "by the merge request's author";
  if (user.username && ACCESS_TOKEN_BOT.test(user.username)) return `by a bot (${user.username})`;
  return undefined;
}
