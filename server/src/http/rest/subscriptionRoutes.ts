// REST v1 subscriptions to the weekly report (api.md "Subscriptions", docs/digest.md): editors
// and admins (an editor's or admin's session, or an admin token). Every change goes to the
// audit log, without the Slack webhook URL.
import { SubscriptionCreate, SubscriptionRef } from "@keel/shared";
import express, { Router, type Request } from "express";
import type { Db } from "../../db/client.ts";
import { actorOf } from "../../services/auth/identity.ts";
import { auditedChange } from "./auditedChange.ts";
import type { SecretBox } from "../../services/secrets/secretBox.ts";
import { auditedFields, createSubscription } from "../../services/subscriptions/createSubscription.ts";
import { deleteSubscription } from "../../services/subscriptions/deleteSubscription.ts";
import { listDeliveries } from "../../services/subscriptions/listDeliveries.ts";
import { listSubscriptions } from "../../services/subscriptions/listSubscriptions.ts";
import { sendNow } from "../../services/subscriptions/sendNow.ts";
import { requireRole } from "../auth.ts";
import { parseOrThrow } from "../validate.ts";

const requireEditor = requireRole("editor");

export function subscriptionRoutes(db: Db, secrets: SecretBox, jobs?: { kick(): void }): Router {
  const router = Router();
  const json = express.json({ limit: "16kb", type: () => true });
  router.use("/subscriptions", requireEditor);
  const change = auditedChange(db);
  const ref = (req: Request) => parseOrThrow(SubscriptionRef, { id: req.params.id }).id;

  router.get("/subscriptions", async (_req, res) => {
    res.json(await listSubscriptions({ db }));
  });
  router.post("/subscriptions", json, async (req, res) => {
    const input = parseOrThrow(SubscriptionCreate, req.body);
    const actor = actorOf(req.identity ?? { kind: "anonymous", role: null });
    const created = await change(req, { action: "subscription.create", target: input.channel, changes: auditedFields(input) }, () =>
      createSubscription({ db, secrets, input, actor }),
    );
    res.status(201).json(created);
  });
  router.delete("/subscriptions/:id", async (req, res) => {
    const id = ref(req);
    res.json(await change(req, { action: "subscription.delete", target: id, changes: {} }, () => deleteSubscription({ db, input: { id } })));
  });
  router.post("/subscriptions/:id/send", async (req, res) => {
    const id = ref(req);
    const queued = await change(req, { action: "subscription.send", target: id, changes: {} }, () => sendNow({ db, input: { id } }));
    jobs?.kick();
    res.status(202).json(queued);
  });
  router.get("/subscriptions/:id/deliveries", async (req, res) => {
    res.json(await listDeliveries({ db, input: { id: ref(req) } }));
  });
  router.get("/deliveries", requireEditor, async (_req, res) => {
    res.json(await listDeliveries({ db, input: {} }));
  });
  return router;
}
