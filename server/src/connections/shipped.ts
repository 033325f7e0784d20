// What a successful deployment shipped, as every connector records it: the deployment event carries
// its commits, and each commit that came through a pull/merge request is also a change event, for
// what a deployment's commit list may leave out (the request's opening and first review times). Pure.
import type { AnyEventInput } from "@keel/shared";
import { firstLine } from "../ingest/mapResult.ts";

export interface ShippedChange {
  sha: string;
  committedAt: string;
  authoredAt?: string | undefined;
  message: string;
  /** The merged pull (or merge) request that brought the commit in, if any. */
  merged?: { number: number; openedAt: string; firstReviewAt?: string | undefined; mergedAt: string; labels: string[] } | undefined;
}

/** The deployment event with its shipped commits, then one change event per merged request's commit. */
export function withShipped(deployment: AnyEventInput & { type: "deployment" }, shipped: ShippedChange[]): AnyEventInput[] {
  const commits = shipped.map((c) => ({
    sha: c.sha,
    committedAt: c.committedAt,
    authoredAt: c.authoredAt,
    message: c.message,
    prNumber: c.merged?.number,
    prMergedAt: c.merged?.mergedAt,
    labels: c.merged?.labels,
  }));
  const changes: AnyEventInput[] = shipped.flatMap((c) =>
    c.merged
      ? [
          {
            type: "change" as const,
            sha: c.sha,
            repository: deployment.repository,
            service: deployment.service,
            committedAt: c.committedAt,
            authoredAt: c.authoredAt,
            prNumber: c.merged.number,
            prOpenedAt: c.merged.openedAt,
            ...(c.merged.firstReviewAt ? { prFirstReviewAt: c.merged.firstReviewAt } : {}),
            prMergedAt: c.merged.mergedAt,
            labels: c.merged.labels,
            title: firstLine(c.message),
          },
        ]
      : [],
  );
  return [{ ...deployment, commits }, ...changes];
}

/**
 * The commits a successful deployment of `sha` shipped: those since the previous successful one
 * (`compare`), none when it deployed the same sha again, and only its own commit when it is the
 * first a connection sees (what came before it is before the connection's history).
 */
export async function commitsShipped<C>(
  previousSha: string | null,
  sha: string,
  read: { compare(from: string, to: string): Promise<C[]>; single(sha: string): Promise<C> },
): Promise<C[]> {
  if (!previousSha) return [await read.single(sha)];
  return previousSha === sha ? [] : read.compare(previousSha, sha);
}
