// Secrets Keel keeps for others (connection tokens, Slack webhook URLs) are stored sealed with
// AES-256-GCM under one key: KEEL_SECRET_KEY, or, on the embedded database only, a key generated
// once into the data directory (docs/security.md, "Secrets at rest").
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const SECRET_KEY_FILE = "secret.key";

export interface SecretBox {
  /** The secret, sealed: "v1:" + base64url(iv | tag | ciphertext). Never the same twice. */
  seal(plain: string): string;
  /** The secret back; throws when the sealed text was made with another key or altered. */
  open(sealed: string): string;
}

export class SecretKeyError extends Error {
  override name = "SecretKeyError";
}

/** A key as KEEL_SECRET_KEY carries it: 32 bytes written as 64 hex digits or in base64. */
export function parseSecretKey(text: string): Buffer {
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, "hex");
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)) return Buffer.from(trimmed.replace(/=$/, ""), "base64url");
  throw new SecretKeyError("KEEL_SECRET_KEY: must be 32 random bytes in base64 or hex (make one with: openssl rand -base64 32)");
}

export function secretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new SecretKeyError("a secret key is 32 bytes");
  return {
    seal(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
    },
    open(sealed) {
      const [version, payload] = sealed.split(":", 2);
      if (version !== VERSION || payload === undefined) throw new SecretKeyError("not a sealed secret");
      const bytes = Buffer.from(payload, "base64url");
      const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, IV_BYTES));
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      try {
        return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
      } catch {
        throw new SecretKeyError("a stored secret cannot be opened: KEEL_SECRET_KEY is not the key it was sealed with");
      }
    },
  };
}

/**
 * The key for this server: KEEL_SECRET_KEY when set; on the embedded database, else, the key in
 * <data dir>/secret.key, made on first use (mode 0600). A PostgreSQL deployment must set it: app
 * servers sharing a database must share the key, and a key beside one server's files would not be.
 */
export function loadSecretKey(options: { secretKey?: string | undefined; dataDir?: string | undefined }): Buffer {
  if (options.secretKey) return parseSecretKey(options.secretKey);
  if (!options.dataDir) {
    throw new SecretKeyError("KEEL_SECRET_KEY: must be set with DATABASE_URL (make one with: openssl rand -base64 32)");
  }
  const file = path.join(options.dataDir, SECRET_KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(options.dataDir, { recursive: true });
    writeFileSync(file, `${randomBytes(32).toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  }
  chmodSync(file, 0o600);
  return parseSecretKey(readFileSync(file, "utf8"));
}

/**
 * The box for a server: sealed with its key, or, when there is none (DATABASE_URL without
 * KEEL_SECRET_KEY), a box that refuses in words when a secret is stored or read, so the rest of
 * Keel runs and only the features that keep secrets say what to set.
 */
export function secretBoxFor(options: { secretKey?: string | undefined; dataDir?: string | undefined }): SecretBox {
  try {
    return secretBox(loadSecretKey(options));
  } catch (error) {
    if (!(error instanceof SecretKeyError) || options.secretKey) throw error;
    const refuse = (): never => {
      throw error;
    };
    return { seal: refuse, open: refuse };
  }
}
