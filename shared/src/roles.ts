// The roles and their order (docs/security.md), with no dependency: the web app imports this
// file alone (`@keel/shared/roles`), so its first load does not carry zod.

/** Least to most: each role may do everything the roles before it may. */
export const ROLES = ["viewer", "editor", "admin"] as const;
export type RoleValue = (typeof ROLES)[number];

/** True when `role` includes everything `needed` may do; no role (signed out) covers nothing. */
export function roleCovers(role: RoleValue | null | undefined, needed: RoleValue): boolean {
  return role !== null && role !== undefined && ROLES.indexOf(role) >= ROLES.indexOf(needed);
}
