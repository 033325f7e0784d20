// The Data sources page's connection procedures (admins): the same services as REST
// /api/v1/connections, audited without the token.
import { ConnectionCreate, ConnectionRef, type ConnectionCreateData } from "@keel/shared";
import { Connection, ConnectionList, ConnectionRemoved } from "@keel/shared/outputs";
import { auditedFields, createConnection, getConnection, listConnections, removeConnection, requestSync } from "../services/connections/manageConnections.ts";
import { adminChange, auditedById, byId } from "./changing.ts";
import type { Context } from "./context.ts";
import { adminProcedure, router } from "./init.ts";

/** The audit log keeps a new connection without its token. */
const createdEntry = (c: ConnectionCreateData) => ({ action: "connection.create", target: c.kind, changes: auditedFields(c) });
/** A new connection, or one asked to sync now, is synced at once where a schedule runs. */
const kickSyncs = (ctx: Context) => ctx.syncs?.kick();

export const connectionsRouters = {
  connections: router({
    list: adminProcedure.output(ConnectionList).query(({ ctx }) => listConnections({ db: ctx.db })),
    get: adminProcedure
      .input(ConnectionRef)
      .output(Connection)
      .query(({ ctx, input }) => getConnection({ db: ctx.db, id: input.id })),
    create: adminChange(ConnectionCreate, Connection, createdEntry, createConnection, kickSyncs),
    sync: adminChange(ConnectionRef, Connection, auditedById("connection.sync"), byId(requestSync), kickSyncs),
    remove: adminChange(ConnectionRef, ConnectionRemoved, auditedById("connection.remove"), byId(removeConnection)),
  }),
};
