// A small seeded PRNG (sfc32) and the draws the seed needs. Math.random is never used by the seed:
// the same seed number must give the same catalog history on every machine.

export class Random {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  constructor(seed: number) {
    this.#a = 0x9e3779b9;
    this.#b = 0x243f6a88;
    this.#c = 0xb7e15162;
    this.#d = seed >>> 0;
    // Warm up: the first outputs of sfc32 still echo the seed.
    for (let i = 0; i < 15; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const a = this.#a;
    const b = this.#b;
    const c = this.#c;
    const d = this.#d;
    const t = (((a + b) | 0) + d) | 0;
    this.#d = (d + 1) | 0;
    this.#a = b ^ (b >>> 9);
    this.#b = (c + (c << 3)) | 0;
    this.#c = ((c << 21) | (c >>> 11)) + t;
    return (t >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError("pick from an empty list");
    return item;
  }

  /** Skewed towards `mode` inside [min, max] (triangular distribution). */
  triangular(min: number, mode: number, max: number): number {
    const u = this.next();
    const split = (mode - min) / (max - min);
    return u < split
      ? min + Math.sqrt(u * (max - min) * (mode - min))
      : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
  }

  /** Characters drawn from an alphabet. */
  chars(alphabet: string, length: number): string {
    let out = "";
    for (let i = 0; i < length; i++) out += alphabet.charAt(Math.floor(this.next() * alphabet.length));
    return out;
  }

  /** An RFC 4122 version-4-shaped UUID built from this generator (for idempotency keys). */
  uuid(): string {
    const hex = this.chars("0123456789abcdef", 32).split("");
    hex[12] = "4";
    hex[16] = "89ab".charAt(Math.floor(this.next() * 4));
    const s = hex.join("");
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }
}

/** Picks items with probability proportional to their weight; O(log n) per draw. */
export class WeightedPicker<T> {
  readonly #items: readonly T[];
  readonly #cumulative: number[];

  constructor(items: readonly T[], weight: (item: T, index: number) => number) {
    if (items.length === 0) throw new RangeError("a weighted picker needs items");
    this.#items = items;
    let total = 0;
    this.#cumulative = items.map((item, index) => (total += Math.max(0, weight(item, index))));
    if (total <= 0) throw new RangeError("a weighted picker needs a positive total weight");
  }

  pick(random: Random): T {
    const cumulative = this.#cumulative;
    const target = random.next() * (cumulative.at(-1) ?? 0);
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((cumulative[mid] ?? 0) > target) high = mid;
      else low = mid + 1;
    }
    return this.#items[low] as T;
  }
}
