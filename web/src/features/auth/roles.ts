// What a role may do, as the server decides it: the roles and their order come from
// `@keel/shared/roles` (no zod in the first load). The server refuses anyway; the web app only
// hides what would be refused.
import type { RoleValue } from "@keel/shared/roles";

export { ROLES, roleCovers } from "@keel/shared/roles";
export type Role = RoleValue;

/** "an admin", "an editor", "a viewer": for sentences. */
export function aRole(role: Role): string {
  return `${/^[aeiou]/.test(role) ? "an" : "a"} ${role}`;
}
