// What a role may do, as the server decides it (shared/src/auth.ts). Written out here rather than
// imported: @keel/shared brings zod, about 25 kB gzipped on every page's first load (web/README.md
// "Bundle"). roles.test.ts keeps the two in agreement. The server refuses anyway; the web app only
// hides what would be refused.
import type { RoleValue } from "@keel/shared";

export type Role = RoleValue;

/** Least to most: each role may do everything the roles before it may. */
export const ROLES: readonly Role[] = ["viewer", "editor", "admin"];

/** True when `role` includes everything `needed` may do; no role (signed out) covers nothing. */
export function roleCovers(role: Role | null | undefined, needed: Role): boolean {
  return role !== null && role !== undefined && ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/** "an admin", "an editor", "a viewer": for sentences. */
export function aRole(role: Role): string {
  return `${/^[aeiou]/.test(role) ? "an" : "a"} ${role}`;
}
