// REST v1 administration (api.md "Administration"), behind the admin scope (an admin token, or an
// admin's session): users, API tokens and the audit log. What `keel user` and `keel token` call
// while Keel runs. Every change goes to the audit log, as through the web app.
import { AuditQuery, TokenCreate, UserCreate, UserUpdate } from "@keel/shared";
import express, { Router } from "express";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { listAudit } from "../../services/auth/audit.ts";
import { userIdOf } from "../../services/auth/identity.ts";
import { auditedChange } from "./auditedChange.ts";
import { createUser, listUsers, updateUser } from "../../services/auth/users.ts";
import { createToken, listTokens, revokeToken } from "../../services/tokens.ts";
import { requireScope } from "../auth.ts";
import { parseOrThrow } from "../validate.ts";

const TokenRef = z.string().min(1).max(200);

export function adminRoutes(db: Db): Router {
  const router = Router();
  const json = express.json({ limit: "16kb", type: () => true });
  router.use(["/users", "/tokens", "/audit-log"], requireScope("admin"));

  const change = auditedChange(db);

  router.get("/users", async (_req, res) => {
    res.json(await listUsers({ db }));
  });
  router.post("/users", json, async (req, res) => {
    const input = parseOrThrow(UserCreate, req.body);
    res.status(201).json(await change(req, { action: "user.create", target: input.email, changes: input }, () => createUser({ db, input })));
  });
  router.patch("/users/:email", json, async (req, res) => {
    const input = parseOrThrow(UserUpdate, { ...(req.body as object), email: req.params.email });
    res.json(
      await change(req, { action: "user.update", target: input.email, changes: input }, () =>
        updateUser({ db, input, actorUserId: req.identity ? userIdOf(req.identity) : undefined }),
      ),
    );
  });

  router.get("/tokens", async (_req, res) => {
    res.json({ tokens: await listTokens({ db }) });
  });
  router.post("/tokens", json, async (req, res) => {
    const input = parseOrThrow(TokenCreate, req.body);
    res.status(201).json(await change(req, { action: "token.create", target: input.name, changes: { scope: input.scope } }, () => createToken({ db, input })));
  });
  router.delete("/tokens/:ref", async (req, res) => {
    const ref = parseOrThrow(TokenRef, req.params.ref, ["ref"]);
    res.json(await change(req, { action: "token.revoke", target: ref, changes: {} }, () => revokeToken({ db, input: { idOrPrefix: ref } })));
  });

  router.get("/audit-log", async (req, res) => {
    res.json(await listAudit({ db, input: parseOrThrow(AuditQuery, req.query) }));
  });
  return router;
}
