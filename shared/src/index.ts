export * from "./events.ts";
export * from "./filters.ts";
