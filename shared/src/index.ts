export * from "./events.ts";
export * from "./filters.ts";
export * from "./doraThresholds.ts";
