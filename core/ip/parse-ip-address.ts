/**
 * A small, strict parser for one textual IP address (no prefix), used on the
 * request hot path where constructing ip-address objects for every request
 * would cost regular expressions and BigInt arithmetic. Admin-typed entries go
 * through ip-entry.ts instead, which gives precise error messages.
 */

/** An IPv4 address as an unsigned 32-bit integer. */
export interface ParsedIpv4 {
  family: 4;
  value: number;
}

/** An IPv6 address as four unsigned 32-bit words, most significant first. */
export interface ParsedIpv6 {
  family: 6;
  words: Uint32Array;
}

export type ParsedIpAddress = ParsedIpv4 | ParsedIpv6;

// `ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255` is the longest spelling
// without redundant leading zeros; a little slack allows `0db8`-style groups.
const MAX_TEXT_LENGTH = 64;

const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;
const MAPPED_SPELLING = '::ffff:';

/**
 * Parses a dotted-quad IPv4 address into an unsigned 32-bit integer, or
 * returns null. Octets with a leading zero are refused because inet_aton and
 * browsers read them as octal, so the same text would name another host.
 */
export function parseIpv4Value(text: string): number | null {
  const octets = text.split('.');
  if (octets.length !== 4) return null;

  let value = 0;
  for (const octet of octets) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(octet)) return null;
    const number = Number(octet);
    if (number > 255) return null;
    value = value * 256 + number;
  }
  return value;
}

/** Splits one side of `::` into 16-bit groups, or null when malformed. */
function parseGroups(part: string, allowIpv4Tail: boolean): number[] | null {
  if (part === '') return [];

  const texts = part.split(':');
  const groups: number[] = [];
  for (let i = 0; i < texts.length; i += 1) {
    const text = texts[i] ?? '';
    const isLast = i === texts.length - 1;
    if (isLast && allowIpv4Tail && text.includes('.')) {
      const value = parseIpv4Value(text);
      if (value === null) return null;
      groups.push(Math.floor(value / 0x10000), value % 0x10000);
      continue;
    }
    if (!HEX_GROUP.test(text)) return null;
    groups.push(parseInt(text, 16));
  }
  return groups;
}

/**
 * Parses an IPv6 address (RFC 4291 text forms: `::` elision, an optional
 * dotted IPv4 tail, either letter case) into four 32-bit words, or null.
 */
export function parseIpv6Words(text: string): Uint32Array | null {
  const elision = text.indexOf('::');
  if (elision !== -1 && text.indexOf('::', elision + 1) !== -1) return null;

  const head = elision === -1 ? text : text.slice(0, elision);
  const tail = elision === -1 ? '' : text.slice(elision + 2);
  const headGroups = parseGroups(head, elision === -1);
  const tailGroups = parseGroups(tail, true);
  if (headGroups === null || tailGroups === null) return null;

  const written = headGroups.length + tailGroups.length;
  // `::` stands for at least one zero group.
  if (elision === -1 ? written !== 8 : written > 7) return null;

  const groups = [
    ...headGroups,
    ...new Array<number>(8 - written).fill(0),
    ...tailGroups,
  ];
  const words = new Uint32Array(4);
  for (let i = 0; i < 4; i += 1) {
    words[i] = (groups[2 * i] ?? 0) * 0x10000 + (groups[2 * i + 1] ?? 0);
  }
  return words;
}

/**
 * Parses an IPv4 or IPv6 address as a socket or proxy reports it. A zone id
 * (`fe80::1%eth0`) is dropped: it names the local interface the packet came
 * in on, not a part of the peer's address. Returns null for anything else,
 * including CIDR ranges and surrounding whitespace; never throws.
 */
export function parseIpAddress(text: unknown): ParsedIpAddress | null {
  if (typeof text !== 'string' || text.length > MAX_TEXT_LENGTH) return null;

  if (!text.includes(':')) {
    const value = parseIpv4Value(text);
    return value === null ? null : { family: 4, value };
  }

  const zone = text.indexOf('%');
  const bare = zone === -1 ? text : text.slice(0, zone);
  if (zone !== -1 && zone === text.length - 1) return null;

  const words = parseIpv6Words(bare);
  return words === null ? null : { family: 6, words };
}

/**
 * Returns the embedded IPv4 address of an IPv4-mapped IPv6 address
 * (`::ffff:0:0/96`, RFC 4291 section 2.5.5.2), or null for any other address.
 * A dual-stack socket reports IPv4 peers this way.
 */
export function mappedIpv4Value(words: Uint32Array): number | null {
  if (words[0] !== 0 || words[1] !== 0 || words[2] !== 0xffff) return null;
  return words[3] ?? null;
}

/**
 * Parses an address and treats an IPv4-mapped IPv6 address as the IPv4
 * address it carries, so `::ffff:127.0.0.1` and `127.0.0.1` are one client.
 */
export function parseClientAddress(text: unknown): ParsedIpAddress | null {
  // Every IPv4 client of a dual-stack server arrives spelled this way, so it
  // skips the general IPv6 parse.
  if (typeof text === 'string' && text.startsWith(MAPPED_SPELLING)) {
    const tail = text.slice(MAPPED_SPELLING.length);
    if (tail.includes('.') && !tail.includes(':')) {
      const value = parseIpv4Value(tail);
      return value === null ? null : { family: 4, value };
    }
  }

  const parsed = parseIpAddress(text);
  if (parsed === null || parsed.family === 4) return parsed;

  const mapped = mappedIpv4Value(parsed.words);
  return mapped === null ? parsed : { family: 4, value: mapped };
}

/** Joins four 32-bit words into the 128-bit value they spell. */
export function wordsToBigInt(words: Uint32Array): bigint {
  let value = 0n;
  for (const word of words) value = (value << 32n) | BigInt(word);
  return value;
}
