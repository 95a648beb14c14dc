import type { IpEntry } from './ip-entry.js';
import { parseIpAddress, wordsToBigInt } from './parse-ip-address.js';

/** An inclusive range of addresses of one family, as integers. */
export interface IpRange {
  start: bigint;
  end: bigint;
}

/**
 * The first and last address an entry covers. The entry comes from
 * parseIpEntry, so its text is canonical: a network address with no host
 * bits set, optionally followed by a prefix length.
 */
export function entryRange(entry: IpEntry): IpRange {
  const address = entry.text.split('/')[0] ?? '';
  const parsed = parseIpAddress(address);
  if (parsed === null || parsed.family !== entry.family) {
    throw new Error(`IP entry "${entry.text}" is not in canonical form`);
  }

  const start =
    parsed.family === 4 ? BigInt(parsed.value) : wordsToBigInt(parsed.words);
  const bits = entry.family === 4 ? 32 : 128;
  const size = 1n << BigInt(bits - entry.prefixLength);
  return { start, end: start + size - 1n };
}

/**
 * Sorts ranges and joins those that overlap or touch, so that a lookup finds
 * at most one candidate: the last range starting at or below the address.
 */
export function mergeRanges(ranges: readonly IpRange[]): IpRange[] {
  const sorted = [...ranges].sort((a, b) =>
    a.start < b.start ? -1 : a.start > b.start ? 1 : 0,
  );

  const merged: IpRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && range.start <= last.end + 1n) {
      if (range.end > last.end) last.end = range.end;
      continue;
    }
    merged.push({ ...range });
  }
  return merged;
}
