// All configuration, parsed once. api.md "Process and configuration" is the contract.
import path from "node:path";
import { Role } from "@keel/shared";
import { z } from "zod";
import { webhookVendors, type WebhookSetting } from "./ingest/webhookVendors.ts";

const flag = z.enum(["0", "1", "true", "false"]).transform((v) => v === "1" || v === "true");
const optionalSecret = z.string().min(1).optional();
/** "a.example, B.example" → ["a.example", "b.example"]; unset → []. */
const commaList = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? "")
      .split(",")
      .map((item) => item.trim().toLowerCase())
      .filter(Boolean),
  );

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL (unset it to use the embedded database)")
    .optional(),
  KEEL_DATA_DIR: z.string().min(1).default("./.keel-data"),
  KEEL_DEMO: flag.default(true),
  KEEL_API_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  // Each webhook vendor's secret, under the setting the vendor names (ingest/webhookVendors.ts).
  ...(Object.fromEntries(webhookVendors.map((v) => [v.setting, optionalSecret])) as Record<WebhookSetting, typeof optionalSecret>),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** The listening address: loopback unless said otherwise (docs/security.md). */
  KEEL_HOST: z.string().min(1).default("127.0.0.1"),
  /** Keel's address as people reach it (https:// makes the session cookie Secure; OIDC needs it). */
  KEEL_PUBLIC_URL: z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }).optional(),
  /** More host names this server answers to, comma-separated (loopback names always). */
  KEEL_ALLOWED_HOSTS: commaList,
  /** A role for requests that are not signed in, for a kiosk on a trusted network: viewer only. */
  KEEL_ANONYMOUS_ROLE: z.literal("viewer", { error: 'must be "viewer" (or unset): anonymous visitors never edit' }).optional(),
  KEEL_SESSION_IDLE_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  KEEL_SESSION_MAX_DAYS: z.coerce.number().positive().max(90).default(7),
  KEEL_OIDC_ISSUER: z.url({ protocol: /^https?$/, error: "must be the provider's issuer URL" }).optional(),
  KEEL_OIDC_CLIENT_ID: optionalSecret,
  KEEL_OIDC_CLIENT_SECRET: optionalSecret,
  /** E-mail domains allowed to sign in with single sign-on, comma-separated; unset: any. */
  KEEL_OIDC_ALLOWED_DOMAINS: commaList,
  KEEL_OIDC_DEFAULT_ROLE: Role.default("viewer"),
  /** 32 bytes (base64 or hex) sealing stored secrets; required with DATABASE_URL to keep them. */
  KEEL_SECRET_KEY: optionalSecret,
  /** Minutes between incremental syncs of each connection (docs/connections.md); 0 turns the schedule off. */
  KEEL_SYNC_INTERVAL_MINUTES: z.coerce
    .number()
    .min(0)
    .max(7 * 24 * 60)
    .default(15),
  /** The SMTP server the weekly report is mailed through: smtp://user:pass@host:587 (STARTTLS when offered) or smtps://. */
  KEEL_SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL, such as smtp://user:pass@mail.example.com:587" }).optional(),
  /** The From: of Keel's e-mails. */
  KEEL_MAIL_FROM: z.string().min(3).max(320).default("Keel <keel@localhost>"),
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
  if (env.KEEL_OIDC_ISSUER && (!env.KEEL_OIDC_CLIENT_ID || !env.KEEL_PUBLIC_URL)) {
    throw new ConfigError("Invalid configuration:\n  KEEL_OIDC_ISSUER: single sign-on also needs KEEL_OIDC_CLIENT_ID and KEEL_PUBLIC_URL");
  }
  return { ...env, KEEL_DATA_DIR: path.resolve(env.KEEL_DATA_DIR) };
}
