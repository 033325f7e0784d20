// A change made through the REST API, written to the audit log as the request's caller in the same
// transaction as the change itself (services/auth/audit.ts).
import type { Request } from "express";
import type { Db } from "../../db/client.ts";
import { audited, type AuditEntryInput } from "../../services/auth/audit.ts";
import { actorOf } from "../../services/auth/identity.ts";

export type AuditedChange = <T>(req: Request, entry: Omit<AuditEntryInput, "actor" | "ip">, run: () => Promise<T>) => Promise<T>;

export function auditedChange(db: Db): AuditedChange {
  return (req, entry, run) => audited({ db, input: { ...entry, actor: actorOf(req.identity ?? { kind: "anonymous", role: null }), ip: req.ip } }, run);
}
