// People who sign in: created by an admin (or the first-run link, or single sign-on), one role each.
// Disabling a user or changing their role or password ends their sessions at once.
import type { UserCreateData, UserUpdateData, RoleValue } from "@keel/shared";
import type { UserData, UserUpdatedData } from "@keel/shared/outputs";
import type { Tx } from "../../db/types.ts";
import { KeelError } from "../../errors.ts";
import { hashPassword } from "./passwords.ts";
import { endUserSessions } from "./sessions.ts";

const SUMMARY = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabled: true,
  passwordHash: true,
  oidcSubject: true,
  createdAt: true,
  lastSignInAt: true,
} as const;

function summary(row: {
  id: string;
  email: string;
  name: string;
  role: RoleValue;
  disabled: boolean;
  passwordHash: string | null;
  oidcSubject: string | null;
  createdAt: Date;
  lastSignInAt: Date | null;
}): UserData {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    disabled: row.disabled,
    password: row.passwordHash !== null,
    sso: row.oidcSubject !== null,
    createdAt: row.createdAt.toISOString(),
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
  };
}

/** The name part of an e-mail address, for users created without a name. */
function nameFromEmail(email: string): string {
  return email.split("@")[0] ?? email;
}

export async function createUser({ db, input }: { db: Tx; input: UserCreateData }): Promise<UserData> {
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw new KeelError("CONFLICT", `A user with the e-mail ${input.email} already exists.`, [{ path: "email", message: "already exists" }]);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  const row = await db.user.create({
    data: { email: input.email, name: input.name ?? nameFromEmail(input.email), role: input.role, passwordHash },
    select: SUMMARY,
  });
  return summary(row);
}

export async function listUsers({ db }: { db: Tx }): Promise<{ users: UserData[] }> {
  const rows = await db.user.findMany({ select: SUMMARY, orderBy: [{ disabled: "asc" }, { email: "asc" }] });
  return { users: rows.map(summary) };
}

export async function updateUser({ db, input, actorUserId }: { db: Tx; input: UserUpdateData; actorUserId?: string | undefined }): Promise<UserUpdatedData> {
  const user = await db.user.findUnique({ where: { email: input.email }, select: { id: true, role: true, disabled: true } });
  if (!user) throw new KeelError("NOT_FOUND", `No user with the e-mail ${input.email}.`, [{ path: "email", message: "no such user" }]);
  if (user.id === actorUserId && (input.disabled === true || (input.role !== undefined && input.role !== "admin"))) {
    throw new KeelError("CONFLICT", "You cannot disable yourself or take away your own admin role; ask another admin.");
  }
  const losesAdmin = user.role === "admin" && !user.disabled && (input.disabled === true || (input.role !== undefined && input.role !== "admin"));
  if (losesAdmin && (await db.user.count({ where: { role: "admin", disabled: false } })) <= 1) {
    throw new KeelError("CONFLICT", "This is the last active admin; make another user admin first.");
  }
  const row = await db.user.update({
    where: { id: user.id },
    data: {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.role !== undefined ? { role: input.role } : {}),
      ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
      ...(input.password !== undefined ? { passwordHash: await hashPassword(input.password) } : {}),
    },
    select: SUMMARY,
  });
  const endsSessions = input.disabled === true || (input.role !== undefined && input.role !== user.role) || input.password !== undefined;
  const sessionsEnded = endsSessions ? await endUserSessions({ db, input: { userId: user.id } }) : 0;
  return { ...summary(row), sessionsEnded };
}
