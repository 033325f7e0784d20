import { describe, expect, test } from "vitest";
import { inPieces } from "./inPieces.ts";

describe("inPieces", () => {
  test("covers every item once, in order, growing pieces while they are quick", async () => {
    const items = Array.from({ length: 50_000 }, (_, i) => i);
    const seen: number[] = [];
    const sizes: number[] = [];
    await inPieces(items, async (piece) => {
      sizes.push(piece.length);
      seen.push(...piece);
    });
    expect(seen).toEqual(items);
    expect(sizes[0]).toBe(1_000);
    expect(sizes[1]).toBe(2_000);
  });

  test("shrinks pieces that take long, and lets timers run between them", async () => {
    const sizes: number[] = [];
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    await inPieces(
      Array.from({ length: 3_000 }, (_, i) => i),
      async (piece) => {
        sizes.push(piece.length);
        const until = performance.now() + 250; // a slow, blocking statement
        while (performance.now() < until);
      },
    );
    clearInterval(timer);
    expect(sizes.slice(0, 3)).toEqual([1_000, 500, 250]);
    expect(ticks).toBeGreaterThanOrEqual(sizes.length - 1);
  });
});
