// Turns the uploaded bytes of a JUnit report into text the XML parser accepts, as real runners
// write them: the encoding comes from a byte order mark or the XML declaration (UTF-8 when
// neither names one), whitespace before `<?xml` is dropped, and characters XML 1.0 forbids (ANSI
// colour escapes, NUL, as Karma, mocha and older jest-junit write them) are replaced by U+FFFD
// and counted, so the report is kept.
import { TextDecoder } from "node:util";
import { JunitParseError } from "./junitParseError.ts";

// Enough for a BOM and any real XML declaration.
const SNIFF_BYTES = 1024;
const DECLARED_ENCODING = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/;
// C0 controls other than tab, newline and carriage return, and the two non-characters.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const LEADING_SPACE = /^[\s\uFEFF]+/;

export class ReportText {
  /** Characters replaced by U+FFFD because XML forbids them. */
  repairs = 0;
  private decoder: TextDecoder | undefined;
  private encoding = "utf-8";
  private head: Uint8Array[] = [];
  private headBytes = 0;
  private started = false;

  /** Text for the next bytes; "" while the first bytes are still being looked at. */
  push(bytes: Uint8Array): string {
    if (this.decoder === undefined) {
      this.head.push(bytes);
      this.headBytes += bytes.length;
      if (this.headBytes < SNIFF_BYTES) return "";
      return this.startDecoding();
    }
    return this.decode(bytes, true);
  }

  /** The rest of the text once all bytes are in. */
  end(): string {
    const rest = this.decoder === undefined ? this.startDecoding() : "";
    return rest + this.decode(undefined, false);
  }

  /** Repairs text that was decoded elsewhere (a string source). */
  clean(text: string): string {
    let out = text;
    if (!this.started) {
      out = out.replace(LEADING_SPACE, "");
      if (out === "") return "";
      this.started = true;
    }
    return out.replace(FORBIDDEN, () => {
      this.repairs += 1;
      return "\uFFFD";
    });
  }

  private startDecoding(): string {
    const head = Buffer.concat(this.head);
    this.head = [];
    this.encoding = sniffEncoding(head);
    try {
      this.decoder = new TextDecoder(this.encoding, { fatal: this.encoding === "utf-8" });
    } catch (error) {
      throw new JunitParseError(
        `The report declares encoding "${this.encoding}", which Keel cannot read; send UTF-8, UTF-16 or ISO-8859-1`,
        undefined,
        undefined,
        { cause: error },
      );
    }
    return this.decode(head, true);
  }

  private decode(bytes: Uint8Array | undefined, stream: boolean): string {
    try {
      return this.clean(this.decoder!.decode(bytes, { stream }));
    } catch (error) {
      if (error instanceof JunitParseError) throw error;
      throw new JunitParseError(
        `The report is not valid ${this.encoding === "utf-8" ? "UTF-8" : this.encoding}; declare its encoding in <?xml ... encoding="..."?>`,
        undefined,
        undefined,
        { cause: error },
      );
    }
  }
}

/** The encoding of a report from its first bytes (a BOM, else the XML declaration, else UTF-8). */
export function sniffEncoding(head: Uint8Array): string {
  const [b0, b1, b2] = head;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return "utf-8";
  if (b0 === 0xff && b1 === 0xfe) return "utf-16le";
  if (b0 === 0xfe && b1 === 0xff) return "utf-16be";
  // UTF-16 without a BOM: "<" or whitespace as a 16-bit unit.
  if (b0 !== 0 && b1 === 0 && head[3] === 0) return "utf-16le";
  if (b0 === 0 && b1 !== 0 && head[2] === 0) return "utf-16be";
  const declared = DECLARED_ENCODING.exec(Buffer.from(head).toString("latin1"))?.[1]?.toLowerCase();
  // A declaration of UTF-16 in bytes that are not UTF-16 is wrong: read them as UTF-8.
  if (declared === undefined || declared.startsWith("utf-16") || declared === "utf8") return "utf-8";
  return declared;
}
