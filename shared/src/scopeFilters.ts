// The filters that narrow the scope, by name: every field of the one filter schema (filters.ts)
// but the window. Plain data without zod, so the web reads and writes them in the URL with no
// schema at runtime; filters.ts checks at compile time that this list and the schema agree, so a
// filter added there must be named here, and the answers (outputs/common.ts), the scope
// resolution (server/src/services/scope/resolveScope.ts) and the URL (web/src/features/filters/
// urlFilters.ts) follow this list.
export const SCOPE_FILTERS = ["team", "service", "environment"] as const;
export type ScopeFilterName = (typeof SCOPE_FILTERS)[number];

/** The environment a filter without one reads (api.md "Reading"). */
export const DEFAULT_ENVIRONMENT = "production";
