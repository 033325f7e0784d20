// `keel token create|revoke`: API tokens, written straight to the database.
import { parseArgs } from "node:util";
import { createToken, revokeToken, type TokenScopeValue } from "../services/tokens.ts";
import { withDatabase } from "./database.ts";
import { UsageError } from "./errors.ts";

export const tokenUsage = `keel token create --name N [--scope ingest|read|admin]
    create an API token (shown once)
keel token revoke <id|prefix|name>
    revoke a token`;

export async function token(args: string[], out: (line: string) => void): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "create") {
    const { values } = parseArgs({ args: rest, options: { name: { type: "string" }, scope: { type: "string", default: "ingest" } } });
    const scope = values.scope as TokenScopeValue;
    if (!["ingest", "read", "admin"].includes(scope)) throw new UsageError(`--scope must be ingest, read or admin (got "${values.scope}")`);
    if (!values.name) throw new UsageError("create needs --name, e.g. --name github-actions");
    const name = values.name;
    const created = await withDatabase((database) => createToken({ db: database.prisma, input: { name, scope } }));
    out(`Created ${scope} token "${created.name}" (id ${created.id}). It is shown only now:\n\n  ${created.token}\n`);
    return 0;
  }
  if (sub === "revoke") {
    const { positionals } = parseArgs({ args: rest, allowPositionals: true, options: {} });
    const target = positionals[0];
    if (!target) throw new UsageError("revoke needs a token id, prefix or name");
    const revoked = await withDatabase((database) => revokeToken({ db: database.prisma, input: { idOrPrefix: target } }));
    out(`Revoked token "${revoked.name}" (id ${revoked.id}).`);
    return 0;
  }
  throw new UsageError("say create or revoke");
}
