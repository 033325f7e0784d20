// PostgreSQL cannot store a NUL character in text or jsonb, and a lone UTF-16 surrogate is not
// text at all (it has no UTF-8 encoding). Events sent to the API with either are refused (the
// sender can fix them); payloads a vendor signed are repaired instead (it cannot).
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, "g");

export function isStorableText(value: string): boolean {
  return !value.includes("\u0000") && !LONE_SURROGATE.test(value);
}

/** NULs and lone surrogates replaced with U+FFFD, the Unicode replacement character. */
export function toStorableText(value: string): string {
  return isStorableText(value) ? value : value.replaceAll("\u0000", "\ufffd").replace(LONE_SURROGATES, "\ufffd");
}
