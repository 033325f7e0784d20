// An audited change through the web app's API, written once (the counterpart of reading.ts): who
// may make it (editorChange, adminChange), its input schema, the output schema its answer is
// checked with (shared/src/outputs/), the audit entry it leaves, and the one service that makes
// it. The entry is written as the audit log keeps it; its `changes` are the input unless it says
// otherwise.
import type { z } from "zod";
import type { Db } from "../db/client.ts";
import { actorOf, userIdOf } from "../services/auth/identity.ts";
import type { SecretBox } from "../services/secrets/secretBox.ts";
import type { Context } from "./context.ts";
import { adminProcedure, audit, editorProcedure } from "./init.ts";

/** What the service making a change is given; most take only `db` and `input`. */
export interface Change<Input> {
  db: Db;
  input: Input;
  /** Seals what a change keeps for others (connection tokens, Slack URLs). */
  secrets: SecretBox;
  /** Who asks, as the audit log names them (a subscription keeps it as its creator). */
  actor: string;
  /** The signed-in user who asks, if one does (a user cannot take away their own admin role). */
  actorUserId: string | undefined;
}

interface AuditEntry {
  action: string;
  target: string;
  changes?: Record<string, unknown>;
}

function changeBy(procedure: typeof editorProcedure) {
  return <Input extends z.ZodType<Record<string, unknown>>, Answer>(
    input: Input,
    output: z.ZodType<Answer>,
    entry: (input: z.output<Input>) => AuditEntry,
    service: (change: Change<z.output<Input>>) => Promise<Answer>,
    /** What to wake once the change is made and recorded (a sync, the scheduler). */
    afterwards?: (ctx: Context) => void,
  ) =>
    procedure
      .input(input)
      .output(output)
      .mutation(async ({ ctx, input }) => {
        const given = input as z.output<Input>;
        const { action, target, changes = given } = entry(given);
        const change = { db: ctx.db, input: given, secrets: ctx.secrets, actor: actorOf(ctx.identity), actorUserId: userIdOf(ctx.identity) };
        const answer = await audit(ctx, { action, target, changes }, () => service(change));
        afterwards?.(ctx);
        return answer;
      });
}

/** An editor's change (an admin may make it too). */
export const editorChange = changeBy(editorProcedure);
/** An admin's change. */
export const adminChange = changeBy(adminProcedure);

/** The entry of a change to one record named by its id, with nothing more to record (a delete, a sync, a send). */
export function auditedById(action: string) {
  return ({ id }: { id: string }): AuditEntry => ({ action, target: id, changes: {} });
}

/** A service that takes the record's id on its own rather than the input `{ id }`. */
export function byId<Answer>(service: (call: { db: Db; id: string }) => Promise<Answer>) {
  return ({ db, input }: Change<{ id: string }>) => service({ db, id: input.id });
}
