// The Data sources page's connection procedures (admins): the same services as REST
// /api/v1/connections, audited without the token.
import { ConnectionCreate, ConnectionRef } from "@keel/shared";
import { Connection, ConnectionList, ConnectionRemoved } from "@keel/shared/outputs";
import { createConnection, getConnection, listConnections, removeConnection, requestSync } from "../services/connections/manageConnections.ts";
import { adminProcedure, audit, router } from "./init.ts";

const withoutToken = <T extends { token: string }>({ token: _token, ...rest }: T) => rest;

export const connectionsRouters = {
  connections: router({
    list: adminProcedure.output(ConnectionList).query(({ ctx }) => listConnections({ db: ctx.db })),
    get: adminProcedure
      .input(ConnectionRef)
      .output(Connection)
      .query(({ ctx, input }) => getConnection({ db: ctx.db, id: input.id })),
    create: adminProcedure
      .input(ConnectionCreate)
      .output(Connection)
      .mutation(async ({ ctx, input }) => {
        const created = await audit(ctx, { action: "connection.create", target: input.kind, changes: withoutToken(input) }, () =>
          createConnection({ db: ctx.db, secrets: ctx.secrets, input }),
        );
        ctx.syncs?.kick();
        return created;
      }),
    sync: adminProcedure
      .input(ConnectionRef)
      .output(Connection)
      .mutation(async ({ ctx, input }) => {
        const connection = await audit(ctx, { action: "connection.sync", target: input.id, changes: {} }, () => requestSync({ db: ctx.db, id: input.id }));
        ctx.syncs?.kick();
        return connection;
      }),
    remove: adminProcedure
      .input(ConnectionRef)
      .output(ConnectionRemoved)
      .mutation(({ ctx, input }) =>
        audit(ctx, { action: "connection.remove", target: input.id, changes: {} }, () => removeConnection({ db: ctx.db, id: input.id })),
      ),
  }),
};
