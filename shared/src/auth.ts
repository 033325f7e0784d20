// Who may do what (docs/security.md): the roles, and the inputs of sign-in and user management.
import { z } from "zod";

import { ROLES } from "./roles.ts";

export { ROLES, roleCovers, type RoleValue } from "./roles.ts";

/** viewer reads everything; editor also changes what shapes the numbers; admin also manages people, tokens and integrations. */
export const Role = z.enum(ROLES, { error: "must be viewer, editor or admin" });

export const PASSWORD_MIN_LENGTH = 12;
/** Long enough for any passphrase, short enough that hashing it is cheap to refuse. */
const PASSWORD_MAX_LENGTH = 256;

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "must be at most 254 characters")
  .pipe(z.email({ error: "must be an e-mail address" }));

export const Password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`);

const PersonName = z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters");

export const LoginInput = z.strictObject({
  email: Email,
  // Any length may be tried; only a stored password can match.
  password: z.string().min(1, "must not be empty").max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`),
});

/** The first admin, from the one-time link printed at first start. */
export const SetupInput = z.strictObject({ token: z.string().min(1).max(200), email: Email, name: PersonName, password: Password });

export const UserCreate = z.strictObject({ email: Email, name: PersonName.optional(), role: Role, password: Password.optional() });
export type UserCreateData = z.output<typeof UserCreate>;

export const UserUpdate = z
  .strictObject({ email: Email, name: PersonName.optional(), role: Role.optional(), disabled: z.boolean().optional(), password: Password.optional() })
  .refine((u) => u.name !== undefined || u.role !== undefined || u.disabled !== undefined || u.password !== undefined, {
    message: "change at least one of name, role, disabled or password",
  });
export type UserUpdateData = z.output<typeof UserUpdate>;

export const AuditQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** The id of the last entry of the previous page: older entries follow. */
  before: z.coerce.number().int().positive().optional(),
});
