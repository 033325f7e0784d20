// How a keel command fails: a usage error (wrong or missing options, exit 2) or a failure while
// doing the work (exit 1). main.ts prints the message and exits with the code.

export class UsageError extends Error {
  override name = "UsageError";
  readonly exitCode = 2;
}

export class CliFailure extends Error {
  override name = "CliFailure";
  readonly exitCode = 1;
}
