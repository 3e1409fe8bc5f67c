/**
 * Seeded randomness for the demo dataset: a mulberry32 generator with the few distributions the generator needs,
 * and a bijective 32-bit scrambler for unique, random-looking ids. Same seed, same sequence, on every platform.
 * @module
 */

/** A seeded pseudo-random source (mulberry32). */
export class Random {
  private state: number;

  /** Starts the sequence for `seed` (any number; it is reduced to 32 bits). */
  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in `[0, 1)`. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform integer in `[min, max]`. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Uniform in `[min, max)`. */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A uniformly chosen item of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** Log-normal with the given median and log-space standard deviation. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Exponential with the given mean. */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }

  /** Geometric count of trials until the first success (≥ 1), capped at `max`. */
  geometric(p: number, max: number): number {
    let n = 1;
    while (n < max && !this.chance(p)) n++;
    return n;
  }
}

/** A fixed list of items with relative weights, sampled in proportion to them. */
export class Weighted<T> {
  private readonly items: readonly T[];
  private readonly cumulative: Float64Array;

  /** `entries` are `[item, weight]` pairs with positive weights. */
  constructor(entries: readonly (readonly [T, number])[]) {
    this.items = entries.map(([item]) => item);
    this.cumulative = new Float64Array(entries.length);
    let sum = 0;
    entries.forEach(([, weight], i) => {
      sum += weight;
      this.cumulative[i] = sum;
    });
    this.cumulative.forEach((c, i) => (this.cumulative[i] = c / sum));
  }

  /** Draws one item. */
  pick(random: Random): T {
    const u = random.next();
    const last = this.items.length - 1;
    for (let i = 0; i < last; i++) if (u < (this.cumulative[i] as number)) return this.items[i] as T;
    return this.items[last] as T;
  }
}

/** A bijection on 32-bit integers (lowbias32): distinct inputs give distinct, random-looking outputs. */
export function scramble32(n: number): number {
  let x = n >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d) >>> 0;
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b) >>> 0;
  return (x ^ (x >>> 16)) >>> 0;
}

const HEX_BYTE = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** `scramble32(n ^ salt)` as 8 lowercase hex digits: a unique id suffix for each `n` below 2^32. */
export function hexId(n: number, salt: number): string {
  const x = scramble32((n ^ salt) >>> 0);
  return (
    (HEX_BYTE[x >>> 24] as string) +
    (HEX_BYTE[(x >>> 16) & 255] as string) +
    (HEX_BYTE[(x >>> 8) & 255] as string) +
    (HEX_BYTE[x & 255] as string)
  );
}
