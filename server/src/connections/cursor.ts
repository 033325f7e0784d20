// A connection's cursor per resource ("deployments:acme/checkout"): where its last sync stopped.
import type { Db } from "../db/client.ts";

export async function readCursor<T>(db: Db, connectionId: string, resource: string): Promise<T | null> {
  const row = await db.connectionCursor.findUnique({ where: { connectionId_resource: { connectionId, resource } } });
  return (row?.cursor as T | undefined) ?? null;
}

export async function writeCursor(db: Db, connectionId: string, resource: string, value: unknown): Promise<void> {
  const cursor = value as object;
  await db.connectionCursor.upsert({
    where: { connectionId_resource: { connectionId, resource } },
    create: { connectionId, resource, cursor },
    update: { cursor },
  });
}
