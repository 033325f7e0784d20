// Streaming JUnit XML parser: chunks go to saxes as they arrive; no DOM, no text kept.

import { SaxesParser } from "saxes";
import { JunitElements } from "./junitElements.ts";
import { JunitParseError } from "./junitParseError.ts";
import { ReportBuilder } from "./reportBuilder.ts";
import { ReportText } from "./reportText.ts";
import type { ParsedReport } from "./types.ts";

export { JunitParseError } from "./junitParseError.ts";

const ROOTS = new Set(["testsuites", "testsuite"]);
// A real prolog (XML declaration, a comment) is a few hundred characters. Without this cap an
// unterminated DOCTYPE or comment before the root would make saxes buffer the whole input.
const MAX_PROLOG_CHARS = 1 << 20;
// Limits no real runner reaches (the corpus's deepest report nests 6 elements, its longest
// attribute is a few kilobytes): beyond them a report is refused with a 400 naming the limit.
export const MAX_ELEMENT_DEPTH = 256;
export const MAX_ATTRIBUTES = 256;
export const MAX_ATTRIBUTE_CHARS = 1 << 20;
const SAXES_POSITION = /^(\d+):(\d+): ([\s\S]*?)\.?$/;

/**
 * Parses a JUnit XML report. The encoding comes from a BOM or the XML declaration (see
 * reportText.ts). Throws JunitParseError on malformed XML, any DOCTYPE (so no DTD and no entity
 * declaration is ever processed; undefined entities are errors), a root other than <testsuites>
 * or <testsuite>, a document that is not JUnit, or one beyond the limits below.
 */
export async function parseJunit(source: AsyncIterable<Uint8Array | string> | string): Promise<ParsedReport> {
  const builder = new ReportBuilder();
  const feed = new SaxFeed(new JunitElements(builder));
  const text = new ReportText();
  if (typeof source === "string") {
    feed.write(text.clean(source));
  } else {
    for await (const chunk of source) feed.write(typeof chunk === "string" ? text.clean(chunk) : text.push(chunk));
    feed.write(text.end());
  }
  feed.close();
  if (text.repairs > 0) {
    builder.warn(`${text.repairs} character(s) that XML does not allow (control characters such as ANSI colour escapes or NUL) were replaced by U+FFFD`);
  }
  return builder.build(text.repairs);
}

class SaxFeed {
  private readonly parser = new SaxesParser({ xmlns: false });
  private sawRoot = false;
  private prologChars = 0;
  private depth = 0;

  constructor(elements: JunitElements) {
    const parser = this.parser;
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
      this.depth += 1;
      this.checkLimits(tag.name, tag.attributes);
      elements.open(tag.name, tag.attributes);
    });
    parser.on("closetag", (tag) => {
      this.depth -= 1;
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

  private checkLimits(name: string, attributes: Record<string, string>): void {
    if (this.depth > MAX_ELEMENT_DEPTH) {
      throw this.errorHere(`Elements are nested more than ${MAX_ELEMENT_DEPTH} deep`);
    }
    const names = Object.keys(attributes);
    if (names.length > MAX_ATTRIBUTES) {
      throw this.errorHere(`<${name}> has ${names.length} attributes; at most ${MAX_ATTRIBUTES} are allowed`);
    }
    for (const attribute of names) {
      const length = attributes[attribute]!.length;
      if (length > MAX_ATTRIBUTE_CHARS) {
        throw this.errorHere(`The attribute ${attribute} of <${name}> is ${length} characters long; at most ${MAX_ATTRIBUTE_CHARS} are allowed`);
      }
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
