/** A repeatable stream of pseudo-random values; never use it for secrets. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** A whole number in [0, max). */
  int(max: number): number;
  /** True with the given probability. */
  chance(probability: number): boolean;
  /** One item, each equally likely. */
  pick<T>(items: readonly T[]): T;
  /** One item, in proportion to its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** A string of lowercase hex digits. */
  hex(length: number): string;
  /** A new array with the items in random order. */
  shuffled<T>(items: readonly T[]): T[];
}

// FNV-1a over the label's UTF-16 units: a cheap way to turn a name into a
// 32-bit seed, so each part of the seed draws from its own stream.
function hashLabel(label: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < label.length; i += 1) {
    hash ^= label.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

interface WeightTable<T> {
  items: T[];
  cumulative: number[];
}

// Weight lists are module constants, so their running totals are computed
// once and kept for as long as the list lives.
const weightTables = new WeakMap<object, WeightTable<unknown>>();

function tableFor<T>(entries: readonly (readonly [T, number])[]) {
  let table = weightTables.get(entries) as WeightTable<T> | undefined;
  if (!table) {
    if (entries.length === 0) throw new Error('cannot pick from no weights');
    let total = 0;
    table = {
      items: entries.map(([item]) => item),
      cumulative: entries.map(([, weight]) => (total += weight)),
    };
    weightTables.set(entries, table);
  }
  return table;
}

/**
 * A seeded generator (a Weyl sequence through a 32-bit integer mixer). Each
 * label gives an independent stream, so adding data in one place does not
 * shift the names or times drawn elsewhere.
 */
export function createRandom(label: string): Random {
  let state = hashLabel(label);

  const next = (): number => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return ((z ^ (z >>> 15)) >>> 0) / 0x100000000;
  };
  const int = (max: number): number => Math.floor(next() * max);

  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('cannot pick from an empty list');
    return items[int(items.length)] as T;
  };

  return {
    next,
    int,
    pick,
    chance: (probability) => next() < probability,
    weighted(entries) {
      const { items, cumulative } = tableFor(entries);
      const point = next() * (cumulative[cumulative.length - 1] ?? 0);
      let index = 0;
      while (
        index < cumulative.length - 1 &&
        (cumulative[index] ?? 0) <= point
      ) {
        index += 1;
      }
      return items[index] as (typeof items)[number];
    },
    hex(length) {
      let text = '';
      while (text.length < length) text += int(16).toString(16);
      return text;
    },
    shuffled: <T>(items: readonly T[]): T[] => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i -= 1) {
        const j = int(i + 1);
        [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
      }
      return copy;
    },
  };
}
