// `keel token create|revoke|list`: API tokens (adminTarget.ts says where the work is done: the
// running server, or the database).
import { parseArgs } from "node:util";
import { TokenCreate, issueDetails } from "@keel/shared";
import { audited } from "../services/auth/audit.ts";
import type { TokenData } from "@keel/shared/outputs";
import { createToken, listTokens, revokeToken } from "../services/tokens.ts";
import { adminConnectionOptions, runAdmin } from "./adminTarget.ts";
import { UsageError } from "./errors.ts";

export const tokenUsage = `keel token create --name N [--scope ingest|read|admin]
    create an API token (shown once)
keel token revoke <id|prefix|name>
    revoke a token
keel token list
    every token, without the secret`;

function describe(t: TokenData): string {
  const state = t.revokedAt ? `revoked ${t.revokedAt}` : t.lastUsedAt ? `last used ${t.lastUsedAt}` : "never used";
  return `${t.prefix}…  ${t.scope.padEnd(6)}  ${t.name}  (${state}; id ${t.id})`;
}

export async function token(args: string[], out: (line: string) => void): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { ...adminConnectionOptions, name: { type: "string" }, scope: { type: "string", default: "ingest" } },
  });
  const connection = { url: values.url, token: values.token };
  if (sub === "create") {
    if (!values.name) throw new UsageError("create needs --name, e.g. --name github-actions");
    const parsed = TokenCreate.safeParse({ name: values.name, scope: values.scope });
    if (!parsed.success)
      throw new UsageError(
        issueDetails(parsed.error, [])
          .map((d) => `--${d.path}: ${d.message}`)
          .join("; "),
      );
    const input = parsed.data;
    const shown = (created: { id: string; name: string; token: string }) =>
      `Created ${input.scope} token "${created.name}" (id ${created.id}). It is shown only now:\n\n  ${created.token}\n`;
    out(
      await runAdmin(connection, {
        api: async (call) => shown((await call("/api/v1/tokens", { json: input })) as { id: string; name: string; token: string }),
        direct: async (db, actor) =>
          shown(
            await audited({ db, input: { actor, action: "token.create", target: input.name, changes: { scope: input.scope } } }, () =>
              createToken({ db, input }),
            ),
          ),
      }),
    );
    return 0;
  }
  if (sub === "revoke") {
    const target = positionals[0];
    if (!target) throw new UsageError("revoke needs a token id, prefix or name");
    const shown = (revoked: { id: string; name: string }) => `Revoked token "${revoked.name}" (id ${revoked.id}).`;
    out(
      await runAdmin(connection, {
        api: async (call) => shown((await call(`/api/v1/tokens/${encodeURIComponent(target)}`, { method: "DELETE" })) as { id: string; name: string }),
        direct: async (db, actor) =>
          shown(await audited({ db, input: { actor, action: "token.revoke", target, changes: {} } }, () => revokeToken({ db, input: { idOrPrefix: target } }))),
      }),
    );
    return 0;
  }
  if (sub === "list") {
    out(
      await runAdmin(connection, {
        api: async (call) => ((await call("/api/v1/tokens")) as { tokens: TokenData[] }).tokens.map(describe).join("\n") || "No tokens.",
        direct: async (db) => (await listTokens({ db })).map(describe).join("\n") || "No tokens.",
      }),
    );
    return 0;
  }
  throw new UsageError("say create, revoke or list");
}
