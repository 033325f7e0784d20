// Admins' use cases on connections: create (the token sealed at once), list, read, ask for a sync,
// remove. What the records a connection brought in become on removal: they stay (docs/connections.md).
import type { ConnectionCreateData, ConnectionView } from "@keel/shared";
import type { Db } from "../../db/client.ts";
import type { SecretBox } from "../secrets/secretBox.ts";
import { connectionView, findConnection } from "./connectionView.ts";

/** What the audit log keeps of a new connection: everything but its token. */
export function auditedFields({ token: _token, ...fields }: ConnectionCreateData): Record<string, unknown> {
  return fields;
}

export async function createConnection(input: { db: Db; secrets: SecretBox; input: ConnectionCreateData }): Promise<ConnectionView> {
  const { token, kind, ...config } = input.input;
  const sealedToken = input.secrets.seal(token);
  // A new connection syncs at once: its history is what the admin came for.
  const row = await input.db.connection.create({ data: { kind, config, sealedToken, syncRequestedAt: new Date() } });
  return connectionView(row);
}

export async function listConnections(input: { db: Db }): Promise<{ connections: ConnectionView[] }> {
  const rows = await input.db.connection.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return { connections: rows.map(connectionView) };
}

export async function getConnection(input: { db: Db; id: string }): Promise<ConnectionView> {
  return connectionView(await findConnection(input.db, input.id));
}

/** Marks the connection for the scheduler's next look (services kick it at once when one runs here). */
export async function requestSync(input: { db: Db; id: string }): Promise<ConnectionView> {
  await findConnection(input.db, input.id);
  return connectionView(await input.db.connection.update({ where: { id: input.id }, data: { syncRequestedAt: new Date() } }));
}

/** Removes the connection and its cursors; a sync of it running elsewhere stops at its next page. */
export async function removeConnection(input: { db: Db; id: string }): Promise<{ id: string }> {
  await findConnection(input.db, input.id);
  await input.db.connection.deleteMany({ where: { id: input.id } });
  return { id: input.id };
}
