// A small seeded PRNG (sfc32) for the demo company: the same seed and stream name always give the
// same numbers, on every machine. Each generator takes its own named stream, so a change in how
// one table is drawn does not reshuffle the others. Never Math.random.
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** One of the items, each with its relative weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  normal(mean: number, sd: number): number;
  /** exp(normal(ln median, sigma)): amounts and sizes, skewed to the right. */
  logNormal(median: number, sigma: number): number;
  /** Exponentially distributed with the given mean. */
  exponential(mean: number): number;
  poisson(mean: number): number;
}

/** cyrb128: four 32-bit words from a string, to seed sfc32. */
function hashWords(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}

export function createRandom(seed: number, stream: string): Random {
  let [a, b, c, d] = hashWords(`${seed}:${stream}`);
  const sfc32 = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) sfc32();

  const random: Random = {
    next: sfc32,
    int: (min, max) => min + Math.floor(sfc32() * (max - min + 1)),
    chance: (probability) => sfc32() < probability,
    pick: (items) => items[Math.floor(sfc32() * items.length)]!,
    weighted: (items) => {
      const total = items.reduce((sum, [, w]) => sum + w, 0);
      let r = sfc32() * total;
      for (const [item, w] of items) {
        r -= w;
        if (r < 0) return item;
      }
      return items[items.length - 1]![0];
    },
    normal: (mean, sd) => {
      const u = 1 - sfc32();
      const v = sfc32();
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    logNormal: (median, sigma) => median * Math.exp(random.normal(0, sigma)),
    exponential: (mean) => -mean * Math.log(1 - sfc32()),
    poisson: (mean) => {
      // Knuth's method; the demo's means are small.
      const limit = Math.exp(-mean);
      let k = 0;
      let p = sfc32();
      while (p > limit) {
        k++;
        p *= sfc32();
      }
      return k;
    },
  };
  return random;
}

/** A stable number in [0, 1) for a key, without consuming any stream: per-rep traits, tie-breaks. */
export function hashUnit(seed: number, key: string): number {
  return hashWords(`${seed}:${key}`)[0] / 4294967296;
}
