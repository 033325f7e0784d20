// All configuration, parsed once. api.md "Process and configuration" is the contract.
import path from "node:path";
import { z } from "zod";

const flag = z.enum(["0", "1", "true", "false"]).transform((v) => v === "1" || v === "true");
const optionalSecret = z.string().min(1).optional();

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL (unset it to use the embedded database)")
    .optional(),
  KEEL_DATA_DIR: z.string().min(1).default("./.keel-data"),
  KEEL_DEMO: flag.default(true),
  KEEL_API_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  KEEL_GITHUB_WEBHOOK_SECRET: optionalSecret,
  KEEL_GITLAB_WEBHOOK_TOKEN: optionalSecret,
  KEEL_PAGERDUTY_WEBHOOK_SECRET: optionalSecret,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Where the built web app is; the server serves it when present. */
  KEEL_WEB_DIST: z.string().optional(),
});

export type Env = z.output<typeof EnvSchema>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  // Empty strings in the environment mean "unset".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const env = result.data;
  return { ...env, KEEL_DATA_DIR: path.resolve(env.KEEL_DATA_DIR) };
}
