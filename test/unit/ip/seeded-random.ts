// A small deterministic generator (mulberry32) so that randomised tests
// check the same inputs on every run and a failure can be replayed.

export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, max). */
  int(max: number): number;
  /** A uniformly random unsigned integer of `bits` bits. */
  bigInt(bits: number): bigint;
  pick<T>(items: readonly T[]): T;
}

export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number): number => Math.floor(next() * max);

  return {
    next,
    int,
    bigInt(bits) {
      let value = 0n;
      for (let done = 0; done < bits; done += 16) {
        value = (value << 16n) | BigInt(int(0x10000));
      }
      return value & ((1n << BigInt(bits)) - 1n);
    },
    pick(items) {
      const item = items[int(items.length)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
  };
}
