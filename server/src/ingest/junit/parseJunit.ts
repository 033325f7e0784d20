// Streaming JUnit XML parser: chunks go to saxes as they arrive; no DOM, no text kept.

import { TextDecoder } from "node:util";
import { SaxesParser } from "saxes";
import { JunitElements } from "./junitElements.ts";
import { JunitParseError } from "./junitParseError.ts";
import { ReportBuilder } from "./reportBuilder.ts";
import type { ParsedReport } from "./types.ts";

export { JunitParseError } from "./junitParseError.ts";

const ROOTS = new Set(["testsuites", "testsuite"]);
// A real prolog (XML declaration, a comment) is a few hundred characters. Without this cap an
// unterminated DOCTYPE or comment before the root would make saxes buffer the whole input.
const MAX_PROLOG_CHARS = 1 << 20;
const SAXES_POSITION = /^(\d+):(\d+): ([\s\S]*?)\.?$/;

/**
 * Parses a JUnit XML report. Bytes must be UTF-8. Throws JunitParseError on malformed XML, any
 * DOCTYPE (so no DTD and no entity declaration is ever processed; undefined entities are
 * errors), or a root other than <testsuites> or <testsuite>.
 */
export async function parseJunit(source: AsyncIterable<Uint8Array | string> | string): Promise<ParsedReport> {
  const builder = new ReportBuilder();
  const feed = new SaxFeed(new JunitElements(builder));
  if (typeof source === "string") {
    feed.write(source);
  } else {
    const decoder = new TextDecoder("utf-8", { fatal: true });
    for await (const chunk of source) {
      feed.write(typeof chunk === "string" ? feed.decode(decoder) + chunk : feed.decode(decoder, chunk));
    }
    feed.write(feed.decode(decoder));
  }
  feed.close();
  return builder.build();
}

class SaxFeed {
  private readonly parser = new SaxesParser({ xmlns: false });
  private sawRoot = false;
  private prologChars = 0;
  private declaredEncoding: string | undefined;

  constructor(elements: JunitElements) {
    const parser = this.parser;
    parser.on("xmldecl", (decl) => {
      this.declaredEncoding = decl.encoding;
    });
    parser.on("doctype", () => {
      throw this.errorHere("DOCTYPE declarations are not allowed in a JUnit report (DTDs and entities are refused)");
    });
    parser.on("opentag", (tag) => {
      if (!this.sawRoot) {
        this.sawRoot = true;
        if (!ROOTS.has(tag.name)) {
          throw this.errorHere(`The root element is <${tag.name}>; a JUnit report has <testsuites> or <testsuite>`);
        }
      }
      elements.open(tag.name, tag.attributes);
    });
    parser.on("closetag", (tag) => {
      elements.close(tag.name);
    });
  }

  write(text: string): void {
    if (text === "") return;
    this.guard(() => this.parser.write(text));
    if (!this.sawRoot) {
      this.prologChars += text.length;
      if (this.prologChars > MAX_PROLOG_CHARS) {
        throw this.errorHere(`No root element in the first ${MAX_PROLOG_CHARS} characters`);
      }
    }
  }

  close(): void {
    this.guard(() => this.parser.close());
  }

  /** Decodes one chunk (or flushes the decoder when `bytes` is omitted). */
  decode(decoder: TextDecoder, bytes?: Uint8Array): string {
    try {
      return bytes === undefined ? decoder.decode() : decoder.decode(bytes, { stream: true });
    } catch (error) {
      const declared = this.declaredEncoding;
      const hint =
        declared !== undefined && !/^utf-?8$/i.test(declared)
          ? `; it declares encoding "${declared}" but only UTF-8 is supported`
          : "";
      throw new JunitParseError(`The report is not valid UTF-8${hint}`, undefined, undefined, { cause: error });
    }
  }

  private errorHere(message: string): JunitParseError {
    return new JunitParseError(message, this.parser.line, this.parser.column);
  }

  private guard(run: () => void): void {
    try {
      run();
    } catch (error) {
      if (error instanceof JunitParseError || !(error instanceof Error)) throw error;
      // saxes reports well-formedness errors as "line:column: message".
      const match = SAXES_POSITION.exec(error.message);
      if (match === null) throw error;
      throw new JunitParseError(`Malformed XML: ${match[3]}`, Number(match[1]), Number(match[2]), { cause: error });
    }
  }
}
