// Which changes each deployment shipped, written in ONE statement per batch (and so one run of the
// ChangeDelivery trigger): the links a deployment's `commits` name, plus the links made by sha,
// whichever of the two arrived first: a deployment's commitSha names a change of its own service
// or of no service. Ids travel as JSON parameters (the PGlite adapter cannot pass arrays).
// ON CONFLICT DO NOTHING: a link made before stays as it is. A deployment resent with its
// `commits` first loses the links that its new list and its commitSha no longer name.
import { Prisma } from "../../generated/prisma/client.ts";
import type { Tx } from "../types.ts";

export interface LinksToWrite {
  /** Links named outright (a deployment's commits). */
  links: readonly { deploymentId: string; changeId: string }[];
  /** Changes that deployments already stored may name as their commitSha (the change came second). */
  changeIds: readonly string[];
  /** Deployments whose commitSha may name a stored change (the deployment came second). */
  deploymentIds: readonly string[];
  /** Deployments whose list of commits is replaced by `links` (sent again with `commits`). */
  replacedDeploymentIds?: readonly string[];
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export async function writeDeploymentLinks(tx: Tx, { links, changeIds, deploymentIds, replacedDeploymentIds = [] }: LinksToWrite): Promise<number> {
  if (replacedDeploymentIds.length > 0) await removeUnlistedLinks(tx, links, replacedDeploymentIds);
  if (links.length === 0 && changeIds.length === 0 && deploymentIds.length === 0) return 0;
  // Links in key order, so concurrent batches take the same locks in the same order.
  const sorted = [...links].sort((a, b) => compare(a.deploymentId, b.deploymentId) || compare(a.changeId, b.changeId));
  return tx.$executeRaw(Prisma.sql`
    INSERT INTO "DeploymentChange" ("deploymentId", "changeId")
    SELECT x."deploymentId", x."changeId"
    FROM json_to_recordset(${JSON.stringify(sorted)}::json) AS x("deploymentId" text, "changeId" uuid)
    UNION ALL
    SELECT d.id, c.id
    FROM "Change" c
    JOIN "Deployment" d ON d."commitSha" = c.sha AND (c."serviceId" IS NULL OR c."serviceId" = d."serviceId")
    WHERE c.id IN (SELECT value::uuid FROM json_array_elements_text(${JSON.stringify(changeIds)}::json))
    UNION ALL
    SELECT d.id, c.id
    FROM "Deployment" d
    JOIN "Change" c ON c.sha = d."commitSha" AND (c."serviceId" IS NULL OR c."serviceId" = d."serviceId")
    WHERE d.id IN (SELECT json_array_elements_text(${JSON.stringify(deploymentIds)}::json))
    ON CONFLICT DO NOTHING`);
}

/** Deletes the links of `deploymentIds` that are neither in `links` nor named by the deployment's commitSha. */
async function removeUnlistedLinks(tx: Tx, links: LinksToWrite["links"], deploymentIds: readonly string[]): Promise<void> {
  await tx.$executeRaw(Prisma.sql`
    DELETE FROM "DeploymentChange" dc
    USING "Deployment" d, "Change" c
    WHERE d.id = dc."deploymentId" AND c.id = dc."changeId"
      AND dc."deploymentId" IN (SELECT json_array_elements_text(${JSON.stringify(deploymentIds)}::json))
      AND NOT (d."commitSha" = c.sha AND (c."serviceId" IS NULL OR c."serviceId" = d."serviceId"))
      AND NOT EXISTS (
        SELECT 1 FROM json_to_recordset(${JSON.stringify(links)}::json) AS x("deploymentId" text, "changeId" uuid)
        WHERE x."deploymentId" = dc."deploymentId" AND x."changeId" = dc."changeId")`);
}
