import { KeelError } from "../../errors.ts";

/** A JUnit report that cannot be read: malformed XML, a DOCTYPE, or not a JUnit document. */
export class JunitParseError extends KeelError {
  override name = "JunitParseError";
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
    options?: { cause?: unknown },
  ) {
    super("VALIDATION_FAILED", withPosition(message, line, column), [], options);
  }
}

function withPosition(message: string, line: number | undefined, column: number | undefined): string {
  if (line === undefined) return message;
  return column === undefined ? `${message} (line ${line})` : `${message} (line ${line}, column ${column})`;
}
