// What a database error means for the request that met it, read from whatever carries it: Prisma's
// known-request error, the driver adapter's error under `meta.driverAdapterError.cause`, or a bare
// pg / socket error. Two answers matter: "try the transaction again" (a serialization failure or a
// deadlock, which PostgreSQL resolves by aborting one side) and "the database is unreachable"
// (which the client should hear as 503 with Retry-After, not as a 500).

/** SQLSTATEs PostgreSQL documents as "retry the transaction". */
const RETRYABLE_SQLSTATES = new Set(["40001", "40P01"]);
/** Unique violation: two transactions inserted the same new identity at once; a retry reads it. */
const UNIQUE_VIOLATION = "23505";
/** Admin shutdown, crash shutdown, cannot connect now, too many connections. */
const UNAVAILABLE_SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);
/** Prisma: can't reach, timed out reaching, server closed the connection, pool timeout. */
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "DatabaseUnavailable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const UNAVAILABLE_ERRNOS = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);
const UNAVAILABLE_MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Can't reach database server/i,
  /Client has encountered a connection error/i,
  /the database system is (starting up|shutting down)/i,
  /terminating connection due to administrator command/i,
];

interface Facts {
  codes: Set<string>;
  kinds: Set<string>;
  messages: string[];
}

/** Every code, kind and message on the error and its causes (bounded: errors can be cyclic). */
function factsOf(error: unknown): Facts {
  const facts: Facts = { codes: new Set(), kinds: new Set(), messages: [] };
  const queue: unknown[] = [error];
  const seen = new Set<unknown>();
  while (queue.length > 0 && seen.size < 20) {
    const e = queue.shift();
    if (e === null || typeof e !== "object" || seen.has(e)) continue;
    seen.add(e);
    const o = e as Record<string, unknown>;
    for (const key of ["code", "originalCode", "errno"]) if (typeof o[key] === "string") facts.codes.add(o[key]);
    if (typeof o.kind === "string") facts.kinds.add(o.kind);
    if (typeof o.message === "string") facts.messages.push(o.message);
    const meta = o.meta as Record<string, unknown> | undefined;
    queue.push(o.cause, meta?.driverAdapterError, ...(Array.isArray(o.errors) ? o.errors : []));
  }
  return facts;
}

/** A serialization failure or deadlock: the whole transaction may simply run again. */
export function isRetryableConflict(error: unknown, { uniqueViolations = false } = {}): boolean {
  const { codes, kinds } = factsOf(error);
  if (uniqueViolations && codes.has(UNIQUE_VIOLATION)) return true;
  return [...codes].some((c) => RETRYABLE_SQLSTATES.has(c)) || kinds.has("TransactionWriteConflict");
}

/** The database could not be reached or went away: a 503 for the client, not a bug. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const { codes, kinds, messages } = factsOf(error);
  for (const code of codes) {
    if (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_PRISMA_CODES.has(code) || UNAVAILABLE_ERRNOS.has(code)) return true;
    if (/^08[0-9A-Z]{3}$/.test(code)) return true; // connection exception class
  }
  if ([...kinds].some((k) => UNAVAILABLE_KINDS.has(k))) return true;
  return messages.some((m) => UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(m)));
}
