// `keel user create|list|disable|enable|set-role|set-password`: people who sign in (adminTarget.ts
// says where the work is done: the running server, or the database).
import { parseArgs } from "node:util";
import { issueDetails, Role, UserCreate, UserUpdate, type RoleValue } from "@keel/shared";
import { audited } from "../services/auth/audit.ts";
import type { UserData } from "@keel/shared/outputs";
import { createUser, listUsers, updateUser } from "../services/auth/users.ts";
import { adminConnectionOptions, readPasswordFromStdin, runAdmin } from "./adminTarget.ts";
import { UsageError } from "./errors.ts";
import type { z } from "zod";

export const userUsage = `keel user create --email E [--name N] --role viewer|editor|admin [--password-stdin]
keel user list
keel user disable|enable --email E
keel user set-role --email E --role R
keel user set-password --email E --password-stdin
    people who sign in; while Keel runs this goes through it (--url/--token, or the local server)`;

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new UsageError(
    issueDetails(result.error, [])
      .map((d) => `--${d.path || "input"}: ${d.message}`)
      .join("; "),
  );
}

function describe(user: UserData): string {
  const how = [user.password ? "password" : null, user.sso ? "single sign-on" : null].filter(Boolean).join(" + ") || "no way to sign in yet";
  return `${user.email}  ${user.role}${user.disabled ? " (disabled)" : ""}  ${user.name}  [${how}]`;
}

export async function user(args: string[], out: (line: string) => void): Promise<number> {
  const [sub, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      ...adminConnectionOptions,
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      "password-stdin": { type: "boolean", default: false },
    },
  });
  const connection = { url: values.url, token: values.token };
  const password = values["password-stdin"] ? await readPasswordFromStdin() : undefined;

  if (sub === "list") {
    out(
      await runAdmin(connection, {
        api: async (call) => ((await call("/api/v1/users")) as { users: UserData[] }).users.map(describe).join("\n") || "No users yet.",
        direct: async (db) => (await listUsers({ db })).users.map(describe).join("\n") || "No users yet.",
      }),
    );
    return 0;
  }
  if (sub === "create") {
    const input = parse(UserCreate, { email: values.email, name: values.name, role: values.role, password });
    out(
      await runAdmin(connection, {
        api: async (call) => `Created ${describe((await call("/api/v1/users", { json: input })) as UserData)}`,
        direct: async (db, actor) =>
          `Created ${describe(await audited({ db, input: { actor, action: "user.create", target: input.email, changes: input } }, () => createUser({ db, input })))}`,
      }),
    );
    return 0;
  }
  const changes: Record<string, () => { disabled?: boolean; role?: RoleValue; password?: string }> = {
    disable: () => ({ disabled: true }),
    enable: () => ({ disabled: false }),
    "set-role": () => ({ role: parse(Role, values.role) }),
    "set-password": () => {
      if (password === undefined) throw new UsageError("set-password reads the new password from standard input: add --password-stdin");
      return { password };
    },
  };
  const change = sub && Object.hasOwn(changes, sub) ? changes[sub]?.() : undefined;
  if (!change) throw new UsageError("say create, list, disable, enable, set-role or set-password");
  const input = parse(UserUpdate, { email: values.email, ...change });
  const { email: _email, ...body } = input;
  const done = await runAdmin(connection, {
    api: async (call) => describe((await call(`/api/v1/users/${encodeURIComponent(input.email)}`, { method: "PATCH", json: body })) as UserData),
    direct: async (db, actor) =>
      describe(await audited({ db, input: { actor, action: "user.update", target: input.email, changes: input } }, () => updateUser({ db, input }))),
  });
  out(`Updated ${done}${change.disabled || change.role || change.password ? "; their sessions have ended" : ""}`);
  return 0;
}
