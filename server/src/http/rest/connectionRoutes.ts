// REST v1 connections (api.md "Connections"), admin scope: create (the token sealed, never answered),
// list, read, ask for a sync (202: it runs in the background), remove. Every change is audited,
// without the token.
import { ConnectionCreate, ConnectionRef } from "@keel/shared";
import express, { Router, type Request } from "express";
import type { Db } from "../../db/client.ts";
import { auditedChange } from "./auditedChange.ts";
import {
  auditedFields,
  createConnection,
  getConnection,
  listConnections,
  removeConnection,
  requestSync,
} from "../../services/connections/manageConnections.ts";
import type { SecretBox } from "../../services/secrets/secretBox.ts";
import { requireScope } from "../auth.ts";
import { parseOrThrow } from "../validate.ts";

export interface SyncKicker {
  kick(): void;
}

export function connectionRoutes(db: Db, secrets: SecretBox, syncs: SyncKicker | undefined): Router {
  const router = Router();
  const json = express.json({ limit: "64kb", type: () => true });
  router.use("/connections", requireScope("admin"));
  const change = auditedChange(db);
  const idOf = (req: Request) => parseOrThrow(ConnectionRef, { id: req.params.id }).id;

  router.get("/connections", async (_req, res) => {
    res.json(await listConnections({ db }));
  });
  router.post("/connections", json, async (req, res) => {
    const input = parseOrThrow(ConnectionCreate, req.body);
    const created = await change(req, { action: "connection.create", target: input.kind, changes: auditedFields(input) }, () =>
      createConnection({ db, secrets, input }),
    );
    syncs?.kick();
    res.status(201).json(created);
  });
  router.get("/connections/:id", async (req, res) => {
    res.json(await getConnection({ db, id: idOf(req) }));
  });
  router.post("/connections/:id/sync", async (req, res) => {
    const id = idOf(req);
    const connection = await change(req, { action: "connection.sync", target: id, changes: {} }, () => requestSync({ db, id }));
    syncs?.kick();
    res.status(202).json(connection);
  });
  router.delete("/connections/:id", async (req, res) => {
    const id = idOf(req);
    res.json(await change(req, { action: "connection.remove", target: id, changes: {} }, () => removeConnection({ db, id })));
  });
  return router;
}
