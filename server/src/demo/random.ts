// A tiny seeded PRNG (mulberry32) so the demo data set is the same on every start: the same
// `now` and seed must give byte-identical events. Never use Math.random in the demo.

const UINT32 = 4_294_967_296;

/** FNV-1a over a string: used to derive independent sub-streams from labels. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export class Random {
  private state: number;

  constructor(private readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / UINT32;
  }

  /**
   * An independent stream for one part of the data set (a service, a test...). It depends only
   * on the seed and the label, so adding draws elsewhere does not reshuffle this part's story.
   */
  fork(label: string): Random {
    return new Random((hashString(label) ^ Math.imul(this.seed, 0x9e3779b1)) >>> 0);
  }

  float(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return Math.floor(this.float(min, max + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }

  /** Picks a key with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [key, weight] of entries) {
      roll -= weight;
      if (roll < 0) return key;
    }
    const last = entries[entries.length - 1];
    if (last === undefined) throw new Error("weighted pick from no weights");
    return last[0];
  }

  /** Log-uniform: spans like lead times cover hours to days without the long end dominating. */
  logUniform(min: number, max: number): number {
    return Math.exp(this.float(Math.log(min), Math.log(max)));
  }

  hex(length: number): string {
    let out = "";
    while (out.length < length)
      out += Math.floor(this.next() * UINT32)
        .toString(16)
        .padStart(8, "0");
    return out.slice(0, length);
  }
}
