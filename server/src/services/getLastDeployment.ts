// The latest successful deployment of a service to an environment that names its commit: what
// `keel deploy` lists commits since. A failed or cancelled deployment shipped nothing, so it is
// never the starting point.
import type { LastDeploymentData } from "@keel/shared";
import type { Tx } from "../db/types.ts";
import { KeelError } from "../errors.ts";

export async function getLastDeployment({ db, input }: { db: Tx; input: { service: string; environment: string } }): Promise<LastDeploymentData> {
  const [service, environment] = await Promise.all([
    db.service.findUnique({ where: { slug: input.service }, select: { id: true } }),
    db.environment.findUnique({ where: { name: input.environment }, select: { id: true } }),
  ]);
  const row =
    service && environment
      ? await db.deployment.findFirst({
          where: { serviceId: service.id, environmentId: environment.id, status: "success", commitSha: { not: null } },
          orderBy: [{ finishedAt: "desc" }, { id: "desc" }],
          select: { commitSha: true, finishedAt: true },
        })
      : null;
  if (!row?.commitSha) {
    throw new KeelError("NOT_FOUND", `Service ${input.service} has no successful deployment to ${input.environment} with a commit sha yet.`);
  }
  return { commitSha: row.commitSha, finishedAt: row.finishedAt.toISOString() };
}
