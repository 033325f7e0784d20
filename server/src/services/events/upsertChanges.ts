// Changes are identified by (repository, sha). A change may arrive on its own, inside a
// deployment's `commits`, or both, in either order: the later arrival fills in what the earlier
// one lacked, and the link to the deployment is made by sha whichever came first.
import { randomUUID } from "node:crypto";
import type { ChangeCategoryValue } from "@keel/shared";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { Tx } from "../../db/types.ts";
import { bulkInsert, changeColumns, deploymentChangeColumns } from "../../db/queries/bulkInsert.ts";
import { inferCategory, type CategorySourceValue } from "../../ingest/inferCategory.ts";

export interface ChangeInput {
  sha: string;
  repository: string;
  serviceId: string | null;
  committedAt: Date;
  authoredAt?: Date | undefined;
  prNumber?: number | undefined;
  prOpenedAt?: Date | undefined;
  prMergedAt?: Date | undefined;
  category?: ChangeCategoryValue | undefined;
  labels?: string[] | undefined;
  title?: string | undefined;
}

const sourceRank: Record<CategorySourceValue, number> = { none: 0, prefix: 1, label: 2, explicit: 3 };

/** Upserts changes; returns the row id for each input (same order) and created/updated counts. */
export async function upsertChanges(tx: Tx, inputs: ChangeInput[]): Promise<{ ids: string[]; created: number; updated: number }> {
  if (inputs.length === 0) return { ids: [], created: 0, updated: 0 };
  const existing = await tx.change.findMany({
    where: { sha: { in: [...new Set(inputs.map((c) => c.sha))] } },
    select: { id: true, sha: true, repository: true, categorySource: true },
  });
  const bySha = new Map<string, typeof existing>();
  for (const row of existing) bySha.set(row.sha, [...(bySha.get(row.sha) ?? []), row]);

  const ids: string[] = [];
  const toCreate: Prisma.ChangeCreateManyInput[] = [];
  const pendingById = new Map<string, Prisma.ChangeCreateManyInput>();
  let created = 0;
  let updated = 0;
  for (const input of inputs) {
    const candidates = bySha.get(input.sha) ?? [];
    // Same repository, or one side did not say which repository and there is only one candidate.
    const match =
      candidates.find((c) => c.repository === input.repository) ??
      (candidates.length === 1 && (input.repository === "" || candidates[0]?.repository === "") ? candidates[0] : undefined);
    const inferred = inferCategory(input);
    const fields = {
      ...(input.serviceId ? { serviceId: input.serviceId } : {}),
      committedAt: input.committedAt,
      ...(input.authoredAt ? { authoredAt: input.authoredAt } : {}),
      ...(input.prNumber !== undefined ? { prNumber: input.prNumber } : {}),
      ...(input.prOpenedAt ? { prOpenedAt: input.prOpenedAt } : {}),
      ...(input.prMergedAt ? { prMergedAt: input.prMergedAt } : {}),
      ...(input.labels ? { labels: input.labels } : {}),
      ...(input.title !== undefined ? { title: input.title } : {}),
    };
    if (!match) {
      const row = { id: randomUUID(), sha: input.sha, repository: input.repository, categorySource: inferred.source };
      const create = { ...row, ...fields, category: inferred.category };
      toCreate.push(create);
      pendingById.set(row.id, create);
      bySha.set(input.sha, [...candidates, row]);
      ids.push(row.id);
      created++;
      continue;
    }
    // A weaker category source never overwrites a stronger one (a bare commit after a labelled PR).
    const keepCategory = sourceRank[inferred.source] < sourceRank[match.categorySource];
    const changes = {
      ...fields,
      ...(match.repository === "" && input.repository ? { repository: input.repository } : {}),
      ...(keepCategory ? {} : { category: inferred.category, categorySource: inferred.source }),
    };
    if (!keepCategory) match.categorySource = inferred.source;
    const pending = pendingById.get(match.id);
    if (pending) {
      // Seen earlier in this same batch and not inserted yet: merge into the row to be created.
      Object.assign(pending, changes);
      ids.push(match.id);
      continue;
    }
    await tx.change.update({ where: { id: match.id }, data: changes });
    ids.push(match.id);
    updated++;
  }
  const now = new Date();
  await bulkInsert(tx, "Change", changeColumns, toCreate.map((row) => ({ ...row, createdAt: now, updatedAt: now })));
  return { ids, created, updated };
}

/** Links changes to the deployments that name their sha as `commitSha` (the change arrived second). */
export async function linkChangesToDeployments(tx: Tx, changeIds: string[]): Promise<void> {
  if (changeIds.length === 0) return;
  const changes = await tx.change.findMany({ where: { id: { in: changeIds } }, select: { id: true, sha: true, serviceId: true } });
  const deployments = await tx.deployment.findMany({
    where: { commitSha: { in: changes.map((c) => c.sha) } },
    select: { id: true, commitSha: true, serviceId: true },
  });
  const links = deployments.flatMap((d) =>
    changes
      .filter((c) => c.sha === d.commitSha && (c.serviceId === null || c.serviceId === d.serviceId))
      .map((c) => ({ deploymentId: d.id, changeId: c.id })),
  );
  await bulkInsert(tx, "DeploymentChange", deploymentChangeColumns, links, { onConflictDoNothing: true });
}
