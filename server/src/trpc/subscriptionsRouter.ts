// The Settings page's subscriptions (docs/digest.md): editors and admins. Thin: validate with the
// shared schemas, call one service; changes go to the audit log without the Slack webhook URL.
import { SubscriptionCreate, SubscriptionRef, type SubscriptionCreateData } from "@keel/shared";
import { DeliveryLog, DeliveryQueued, Subscription, SubscriptionDeleted, SubscriptionList } from "@keel/shared/outputs";
import { z } from "zod";
import { auditedFields, createSubscription } from "../services/subscriptions/createSubscription.ts";
import { deleteSubscription } from "../services/subscriptions/deleteSubscription.ts";
import { listDeliveries } from "../services/subscriptions/listDeliveries.ts";
import { listSubscriptions } from "../services/subscriptions/listSubscriptions.ts";
import { sendNow } from "../services/subscriptions/sendNow.ts";
import { auditedById, editorChange } from "./changing.ts";
import { editorProcedure, router } from "./init.ts";

/** The audit log keeps a new subscription without its Slack webhook URL. */
const createdEntry = (s: SubscriptionCreateData) => ({ action: "subscription.create", target: s.channel, changes: auditedFields(s) });

export const subscriptionsRouters = {
  subscriptions: router({
    list: editorProcedure.output(SubscriptionList).query(({ ctx }) => listSubscriptions({ db: ctx.db })),
    create: editorChange(SubscriptionCreate, Subscription, createdEntry, createSubscription),
    delete: editorChange(SubscriptionRef, SubscriptionDeleted, auditedById("subscription.delete"), deleteSubscription),
    send: editorChange(SubscriptionRef, DeliveryQueued, auditedById("subscription.send"), sendNow, (ctx) => ctx.jobs?.kick()),
    deliveries: editorProcedure
      .input(z.strictObject({ id: SubscriptionRef.shape.id.optional() }))
      .output(DeliveryLog)
      .query(({ ctx, input }) => listDeliveries({ db: ctx.db, input })),
  }),
};
