// What the parseJunit tests share: the recorded reports in test/fixtures/junit/, a readable line
// per execution for failing diffs, and inputs cut into chunks anywhere.
import { createReadStream } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseJunit } from "../parseJunit.ts";
import type { ParsedReport, TestExecution } from "../types.ts";

export const FIXTURES = fileURLToPath(new URL("../../../../../test/fixtures/junit/", import.meta.url));

export function parseFixture(file: string): Promise<ParsedReport> {
  return parseJunit(createReadStream(FIXTURES + file, { highWaterMark: 1024 }));
}

/** One line per execution, easy to read in a failing diff. */
export function line(e: TestExecution): string {
  const variant = e.variant === "" ? "" : ` [${e.variant}]`;
  return `${e.suite} | ${e.name}${variant} | ${e.status} ${e.durationMs}ms retry ${e.retry}`;
}

export const summary = (s: Partial<ParsedReport["summary"]>): ParsedReport["summary"] => ({
  tests: 0,
  passed: 0,
  failed: 0,
  errors: 0,
  skipped: 0,
  flakyRetries: 0,
  ...s,
});

export async function* byteChunks(bytes: Uint8Array, cuts: number[]): AsyncGenerator<Uint8Array> {
  let start = 0;
  for (const cut of [...cuts, bytes.length]) {
    yield bytes.subarray(start, cut);
    start = cut;
  }
}

export async function* stringChunks(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

export function everyByte(bytes: Uint8Array): number[] {
  return Array.from({ length: bytes.length - 1 }, (_, i) => i + 1);
}
