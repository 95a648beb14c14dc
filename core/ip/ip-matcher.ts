import { parseIpEntry } from './ip-entry.js';
import { entryRange, mergeRanges, type IpRange } from './ip-ranges.js';
import { parseClientAddress } from './parse-ip-address.js';

/** Answers whether a client IP falls inside one of a list's entries. */
export interface IpMatcher {
  /**
   * True when `ip` is inside an entry. An IPv4-mapped IPv6 address counts as
   * the IPv4 address it carries and a zone id is ignored. Malformed or
   * missing input is false; this never throws.
   */
  matches(ip: string | undefined): boolean;
}

/** Sorted, merged ranges of one family, flattened into typed arrays. */
interface RangeTable {
  /** IPv4: one word per bound; IPv6: four words per bound. */
  starts: Uint32Array;
  ends: Uint32Array;
  count: number;
}

const WORDS_PER_FAMILY = { 4: 1, 6: 4 } as const;

function toTable(
  ranges: readonly IpRange[],
  wordsPerBound: number,
): RangeTable {
  const merged = mergeRanges(ranges);
  const table: RangeTable = {
    starts: new Uint32Array(merged.length * wordsPerBound),
    ends: new Uint32Array(merged.length * wordsPerBound),
    count: merged.length,
  };
  merged.forEach((range, i) => {
    for (let w = 0; w < wordsPerBound; w += 1) {
      const shift = BigInt(32 * (wordsPerBound - 1 - w));
      const at = i * wordsPerBound + w;
      table.starts[at] = Number((range.start >> shift) & 0xffffffffn);
      table.ends[at] = Number((range.end >> shift) & 0xffffffffn);
    }
  });
  return table;
}

/**
 * Compares an address with the bound stored at `index`; the address has as
 * many words as each bound in the table.
 */
function compareAt(
  words: ArrayLike<number>,
  bounds: Uint32Array,
  index: number,
) {
  const size = words.length;
  for (let w = 0; w < size; w += 1) {
    const a = words[w] ?? 0;
    const b = bounds[index * size + w] ?? 0;
    if (a !== b) return a < b ? -1 : 1;
  }
  return 0;
}

/** Binary search for the last range starting at or below the address. */
function inTable(table: RangeTable, words: ArrayLike<number>): boolean {
  let low = 0;
  let high = table.count;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareAt(words, table.starts, middle) >= 0) low = middle + 1;
    else high = middle;
  }
  return low > 0 && compareAt(words, table.ends, low - 1) <= 0;
}

/**
 * Compiles stored entries (canonical text as written by parseIpEntry) into a
 * matcher for the request hot path: ranges are merged and sorted once, so a
 * check is one parse of the client IP and a binary search. An empty list
 * matches nothing. Throws when an entry is not valid, because a list that
 * silently lost an entry would enforce something nobody configured.
 */
export function compileIpMatcher(entries: readonly string[]): IpMatcher {
  const ranges: Record<4 | 6, IpRange[]> = { 4: [], 6: [] };
  for (const text of entries) {
    const parsed = parseIpEntry(text);
    if (!parsed.ok) {
      throw new Error(`Stored IP entry is invalid: ${parsed.message}`);
    }
    ranges[parsed.entry.family].push(entryRange(parsed.entry));
  }

  const ipv4 = toTable(ranges[4], WORDS_PER_FAMILY[4]);
  const ipv6 = toTable(ranges[6], WORDS_PER_FAMILY[6]);
  return {
    matches(ip) {
      const address = parseClientAddress(ip);
      if (address === null) return false;
      if (address.family === 6) return inTable(ipv6, address.words);

      return inTable(ipv4, [address.value]);
    },
  };
}
