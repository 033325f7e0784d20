// Changes are identified by (repository, sha). A change may arrive on its own, inside a
// deployment's `commits`, or both, in either order: the later arrival fills in what the earlier
// one lacked. Links to deployments are made by sha whichever came first (db/queries/deploymentLinks.ts).
import { randomUUID } from "node:crypto";
import type { ChangeCategoryValue } from "@keel/shared";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { Tx } from "../../db/types.ts";
import { bulkInsert, changeColumns, type Column } from "../../db/queries/bulkInsert.ts";
import { changesBySha } from "../../db/queries/changesBySha.ts";
import { updateRowsById } from "../../db/queries/updateRows.ts";
import { inferCategory, type CategorySourceValue } from "../../ingest/inferCategory.ts";

export interface ChangeInput {
  sha: string;
  repository: string;
  serviceId: string | null;
  /** ISO-8601 timestamps, as events/instant.ts passes them on. */
  committedAt: string;
  authoredAt?: string | undefined;
  prNumber?: number | undefined;
  prOpenedAt?: string | undefined;
  prMergedAt?: string | undefined;
  prFirstReviewAt?: string | undefined;
  revertsSha?: string | undefined;
  category?: ChangeCategoryValue | undefined;
  labels?: string[] | undefined;
  title?: string | undefined;
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const sourceRank: Record<CategorySourceValue, number> = { none: 0, prefix: 1, label: 2, explicit: 3 };

/** What an update may set; a column left out of a row (null) keeps its value. */
const updateColumns: readonly Column[] = [["id", "uuid"], ...changeColumns.filter(([name]) => !["id", "sha", "createdAt"].includes(name))];

/** The fields an input sets: what it says; what it leaves out stays as stored. */
function fieldsOf(input: ChangeInput): Partial<Prisma.ChangeCreateManyInput> & { committedAt: string } {
  // Plain assignments rather than conditional spreads: this runs for every change of every batch.
  const fields: Partial<Prisma.ChangeCreateManyInput> & { committedAt: string } = { committedAt: input.committedAt };
  if (input.serviceId) fields.serviceId = input.serviceId;
  if (input.authoredAt) fields.authoredAt = input.authoredAt;
  if (input.prNumber !== undefined) fields.prNumber = input.prNumber;
  if (input.prOpenedAt) fields.prOpenedAt = input.prOpenedAt;
  if (input.prMergedAt) fields.prMergedAt = input.prMergedAt;
  if (input.prFirstReviewAt) fields.prFirstReviewAt = input.prFirstReviewAt;
  if (input.revertsSha) fields.revertsSha = input.revertsSha;
  if (input.labels) fields.labels = input.labels;
  if (input.title !== undefined) fields.title = input.title;
  return fields;
}

/**
 * Upserts changes; returns the row id for each input (same order) and created/updated counts.
 * Three statements whatever the count: one read, one insert, one update. Inputs before
 * `countFrom` (a deployment's commits) are applied first and not counted: a counted input that
 * meets a change one of them created counts as an update, as if they had been stored before it.
 */
export async function upsertChanges(tx: Tx, inputs: ChangeInput[], countFrom = 0): Promise<{ ids: string[]; created: number; updated: number }> {
  if (inputs.length === 0) return { ids: [], created: 0, updated: 0 };
  const existing = await changesBySha(tx, [...new Set(inputs.map((c) => c.sha))]);
  const bySha = new Map<string, typeof existing>();
  for (const row of existing) bySha.set(row.sha, [...(bySha.get(row.sha) ?? []), row]);

  const ids: string[] = [];
  const toCreate: Prisma.ChangeCreateManyInput[] = [];
  const pendingById = new Map<string, Prisma.ChangeCreateManyInput>();
  // Updates of stored rows, merged per row in arrival order (a later input's fields win).
  const updates = new Map<string, Record<string, unknown>>();
  const uncountedCreates = new Set<string>();
  let created = 0;
  let updated = 0;
  for (const [index, input] of inputs.entries()) {
    const counted = index >= countFrom;
    const candidates = bySha.get(input.sha) ?? [];
    // Same repository, or one side did not say which repository and there is only one candidate.
    const match =
      candidates.find((c) => c.repository === input.repository) ??
      (candidates.length === 1 && (input.repository === "" || candidates[0]?.repository === "") ? candidates[0] : undefined);
    const inferred = inferCategory(input);
    const fields = fieldsOf(input);
    if (!match) {
      const row = { id: randomUUID(), sha: input.sha, repository: input.repository, categorySource: inferred.source };
      const create = { ...row, ...fields, category: inferred.category };
      toCreate.push(create);
      pendingById.set(row.id, create);
      bySha.set(input.sha, [...candidates, row]);
      ids.push(row.id);
      if (counted) created++;
      else uncountedCreates.add(row.id);
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
    if (changes.repository) match.repository = changes.repository;
    const pending = pendingById.get(match.id);
    if (pending) {
      // Seen earlier in this same batch and not inserted yet: merge into the row to be created.
      Object.assign(pending, changes);
      ids.push(match.id);
      if (counted && uncountedCreates.has(match.id)) updated++;
      continue;
    }
    updates.set(match.id, Object.assign(updates.get(match.id) ?? { id: match.id }, changes));
    ids.push(match.id);
    if (counted) updated++;
  }
  const now = new Date().toISOString();
  // Rows are written in key order, so two batches touching the same changes lock them in the same
  // order and cannot deadlock (issue 13: 40P01 here with eight batches sharing commits).
  toCreate.sort((a, b) => compareText(a.repository ?? "", b.repository ?? "") || compareText(a.sha, b.sha));
  const updateRows = [...updates.values()].sort((a, b) => compareText(String(a.id), String(b.id)));
  await bulkInsert(
    tx,
    "Change",
    changeColumns,
    toCreate.map((row) => ({ ...row, createdAt: now, updatedAt: now })),
  );
  await updateRowsById(
    tx,
    "Change",
    updateColumns,
    updateRows.map((row) => ({ ...row, updatedAt: now })),
  );
  return { ids, created, updated };
}
