// One test is one row: the same test must give the same identity whichever reporter wrote it.
import { createHash } from "node:crypto";

const KEY_SEPARATOR = "\u001f";

// Path and scope separators that reporters put in suite names: "/" and "\" (file paths,
// jest writes Windows paths), "::" (pytest node ids, Rust, C++), "›" (jest and Playwright
// describe nesting).
const SUITE_SEPARATORS = /\s*(?:\/|\\|::|›)\s*/;
const PY_SUFFIX = /(?:\.py)+$/i;
// "", "." and ".." parts come from leading "/", "./", "../" or "a//b".
const DOTS_ONLY = /^\.*$/;

/** Trims and collapses runs of whitespace (including newlines) to one space. */
export function normalizeText(value: string): string {
  return value.trim().replace(/\s+/g, " ");
}

/**
 * Normalises a suite or classname so that `tests/test_x.py::TestA`, `tests\test_x.py::TestA`
 * and `tests.test_x.TestA` all become `tests.test_x.TestA`.
 *
 * Rule: collapse whitespace; split on `/`, `\`, `::` and `›`; drop a `.py` suffix from each
 * part (a pytest file path becomes its dotted module); drop parts that are empty or only dots
 * (leading `/`, `./`, `../`, `a//b`); join the parts with `.`. Dots already in a part are kept,
 * so dotted Java and Python classnames pass through unchanged. The function is idempotent.
 */
export function normalizeSuite(suite: string): string {
  const parts: string[] = [];
  for (const raw of normalizeText(suite).split(SUITE_SEPARATORS)) {
    const part = raw.replace(PY_SUFFIX, "").trim();
    if (!DOTS_ONLY.test(part)) parts.push(part);
  }
  return parts.join(".");
}

/**
 * A test name without surrounding whitespace. Whitespace inside is kept exactly: mocha's
 * `stringify a b` and `stringify a  b` are two different tests.
 */
export function normalizeName(name: string): string {
  return name.trim();
}

/** Stable identity of a test within a scope (repository or service). Inputs may be raw. */
export function testIdentityKey(scope: string, suite: string, name: string, variant: string): string {
  return [normalizeText(scope), normalizeSuite(suite), normalizeName(name), normalizeText(variant)].join(KEY_SEPARATOR);
}

/** What the unique index on TestCase holds: the key itself may be longer than an index entry. */
export function testIdentityHash(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}
