// The Settings page's subscriptions (docs/digest.md): editors and admins. Thin: validate with the
// shared schemas, call one service; changes go to the audit log without the Slack webhook URL.
import { SubscriptionCreate, SubscriptionRef } from "@keel/shared";
import { DeliveryLog, DeliveryQueued, Subscription, SubscriptionDeleted, SubscriptionList } from "@keel/shared/outputs";
import { z } from "zod";
import { actorOf } from "../services/auth/identity.ts";
import { auditedFields, createSubscription } from "../services/subscriptions/createSubscription.ts";
import { deleteSubscription } from "../services/subscriptions/deleteSubscription.ts";
import { listDeliveries } from "../services/subscriptions/listDeliveries.ts";
import { listSubscriptions } from "../services/subscriptions/listSubscriptions.ts";
import { sendNow } from "../services/subscriptions/sendNow.ts";
import { audit, editorProcedure, router } from "./init.ts";

export const subscriptionsRouters = {
  subscriptions: router({
    list: editorProcedure.output(SubscriptionList).query(({ ctx }) => listSubscriptions({ db: ctx.db })),
    create: editorProcedure
      .input(SubscriptionCreate)
      .output(Subscription)
      .mutation(({ ctx, input }) =>
        audit(ctx, { action: "subscription.create", target: input.channel, changes: auditedFields(input) }, () =>
          createSubscription({ db: ctx.db, secrets: ctx.secrets, input, actor: actorOf(ctx.identity) }),
        ),
      ),
    delete: editorProcedure
      .input(SubscriptionRef)
      .output(SubscriptionDeleted)
      .mutation(({ ctx, input }) =>
        audit(ctx, { action: "subscription.delete", target: input.id, changes: {} }, () => deleteSubscription({ db: ctx.db, input })),
      ),
    send: editorProcedure
      .input(SubscriptionRef)
      .output(DeliveryQueued)
      .mutation(async ({ ctx, input }) => {
        const queued = await audit(ctx, { action: "subscription.send", target: input.id, changes: {} }, () => sendNow({ db: ctx.db, input }));
        ctx.jobs?.kick();
        return queued;
      }),
    deliveries: editorProcedure
      .input(z.strictObject({ id: SubscriptionRef.shape.id.optional() }))
      .output(DeliveryLog)
      .query(({ ctx, input }) => listDeliveries({ db: ctx.db, input })),
  }),
};
