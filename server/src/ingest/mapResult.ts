// What a webhook adapter returns: the events it could map, and what it left out and why. Values
// Keel does not understand are dropped and listed here, never guessed.
import { MAX_TEXT_LENGTH, Timestamp, type AnyEventInput } from "@keel/shared";
import type { z } from "zod";
import { formatPath } from "../errors.ts";

/**
 * A review of a pull request, by someone other than its author and not a bot. Keyed by the pull
 * request (repository + number), never by a commit: the sha a review names is the PR's head at the
 * time (or GitHub's test merge), not a commit that ships, so a review makes no change.
 */
export interface PullRequestReviewInput {
  /** As on change events: "owner/name" (GitHub), "group/project" (GitLab). */
  repository: string;
  prNumber: number;
  reviewedAt: string;
}

export interface MapResult {
  events: AnyEventInput[];
  /** Reviews of pull requests: recorded by pull request, earliest wins (services/recordReviews.ts). */
  reviews?: PullRequestReviewInput[];
  /** One line per thing left out, with the reason: it ends up in the raw event's note. */
  dropped: string[];
  /**
   * The vendor's own time of the state these events describe (PagerDuty's occurred_at, an issue's
   * updated_at...): deliveries arrive out of order, and an older state never overwrites a newer one.
   */
  occurredAt?: string | undefined;
}

export const dropped = (...reasons: string[]): MapResult => ({ events: [], dropped: reasons });

/** A payload that does not have the documented shape, named by its first failing field. */
export function unreadable(what: string, error: z.ZodError): MapResult {
  const issue = error.issues[0];
  return dropped(`${what}: payload not understood (${issue ? `${formatPath(issue.path)}: ${issue.message}` : "no details"})`);
}

/** A trimmed string, or undefined for null, undefined and blank strings. */
export function nonEmpty(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** A commit message's first line, as a title. */
export function firstLine(message: string): string | undefined {
  return nonEmpty(message.split("\n", 1)[0])?.slice(0, MAX_TEXT_LENGTH);
}

/**
 * The commit a revert undoes, from the message git revert writes: "This reverts commit <40-hex
 * sha>." (", reversing changes made to …" for a merge commit). Undefined for any other message.
 */
export function revertedSha(message: string | null | undefined): string | undefined {
  return /^This reverts commit ([0-9a-fA-F]{40})\b/m.exec(message ?? "")?.[1]?.toLowerCase();
}

/** `{ revertsSha }` for a change event when the commit message is a revert's, else nothing. */
export function revertFields(message: string): { revertsSha?: string } {
  const sha = revertedSha(message);
  return sha ? { revertsSha: sha } : {};
}

/** "gitlab-org/gitlab-test" → "gitlab-test": the repository's own name, used as the service. */
export function lastSegment(path: string): string {
  return path.split("/").filter(Boolean).at(-1) ?? path;
}

export function isTimestamp(value: string | null | undefined): value is string {
  return Timestamp.safeParse(value).success;
}

/**
 * A vendor status read through the vendor's table of them: the Keel status of a finished one, or
 * the result that drops it. A status the table does not list is unknown (dropped, never guessed);
 * one it lists as null is on its way to a result (`what` is "deployment 15", `finished` "deployment").
 */
export function finishedStatus<S extends string>(
  statuses: ReadonlyMap<string, S | null>,
  value: string,
  say: { what: string; field: string; finished: string },
): S | MapResult {
  const status = statuses.get(value);
  if (status === undefined) return dropped(`${say.what}: unknown ${say.field} "${value}"`);
  if (status === null) return dropped(`${say.what}: ${say.field} "${value}" is not a finished ${say.finished}`);
  return status;
}
