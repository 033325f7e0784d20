// A delivery as the log shows it: what was sent (or tried), when, and why it failed.
import type { Delivery } from "../../generated/prisma/client.ts";

export interface DeliveryView {
  id: string;
  subscriptionId: string;
  kind: string;
  week: string;
  /** "pending" (waiting or retrying), "sent" or "failed" (attempts exhausted). */
  status: string;
  attempts: number;
  /** When it is due (pending) or was last due. */
  dueAt: string;
  sentAt: string | null;
  error: string | null;
  message: string | null;
  createdAt: string;
}

export function deliveryView(d: Delivery): DeliveryView {
  return {
    id: d.id,
    subscriptionId: d.subscriptionId,
    kind: d.kind,
    week: d.week,
    status: d.status,
    attempts: d.attempts,
    dueAt: d.dueAt.toISOString(),
    sentAt: d.sentAt?.toISOString() ?? null,
    error: d.lastError,
    message: d.message,
    createdAt: d.createdAt.toISOString(),
  };
}
