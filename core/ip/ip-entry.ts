import { Address4, Address6 } from 'ip-address';

import { ipMessages } from './ip-messages.js';

/**
 * One entry of an allowed-IP or OTP-excluded-IP list, in the canonical text
 * form that is stored and compared: IPv4 dotted decimal, IPv6 in RFC 5952
 * form (lowercase, zeros compressed), a single address without a prefix, and
 * IPv4-mapped IPv6 written as the IPv4 address it carries.
 */
export interface IpEntry {
  text: string;
  kind: 'address' | 'cidr';
  family: 4 | 6;
  /** 32 or 128 for a single address. */
  prefixLength: number;
}

export type IpEntryErrorReason =
  | 'empty'
  | 'malformed'
  | 'leading-zero'
  | 'zone-id'
  | 'prefix-out-of-range'
  | 'host-bits';

export type IpEntryResult =
  | { ok: true; entry: IpEntry }
  | { ok: false; reason: IpEntryErrorReason; message: string };

/**
 * How a range written with host bits set (`10.1.2.3/8`) is treated. It is
 * refused rather than silently widened to its network: the admin may have
 * meant the single address or a narrower range, and quietly allowing a whole
 * /8 would grant far more than intended. The page shows `explanation`.
 */
export const HOST_BITS_POLICY = {
  action: 'refuse',
  explanation: ipMessages.hostBitsPolicy(),
} as const;

// Longer than any spelling of an address with a prefix; longer text is
// refused before any parsing work is spent on it.
const MAX_ENTRY_LENGTH = 64;
const MAPPED_PREFIX = 0xffffn << 32n;

function refuse(
  reason: IpEntryErrorReason,
  message: string,
): IpEntryResult & { ok: false } {
  return { ok: false, reason, message };
}

function malformed(text: string): IpEntryResult & { ok: false } {
  return refuse('malformed', ipMessages.malformed(text));
}

/** True when the address ends in a dotted quad with a zero-padded number. */
function hasLeadingZeroOctet(address: string): boolean {
  const quad = address.slice(address.lastIndexOf(':') + 1).split('.');
  return (
    quad.length === 4 &&
    quad.every((octet) => /^[0-9]{1,3}$/.test(octet)) &&
    quad.some((octet) => /^0[0-9]/.test(octet))
  );
}

/** Reads the address with ip-address, or null when it is not one. */
function readAddress(address: string): { family: 4 | 6; value: bigint } | null {
  try {
    if (address.includes(':')) {
      return { family: 6, value: new Address6(address).bigInt() };
    }
    return { family: 4, value: new Address4(address).bigInt() };
  } catch {
    return null;
  }
}

function formatAddress(family: 4 | 6, value: bigint): string {
  return family === 4
    ? Address4.fromBigInt(value).correctForm()
    : Address6.fromBigInt(value).correctForm();
}

function formatEntry(family: 4 | 6, value: bigint, prefix: number): string {
  const bits = family === 4 ? 32 : 128;
  const address = formatAddress(family, value);
  return prefix === bits ? address : `${address}/${prefix}`;
}

/**
 * Parses one admin-typed entry: an IPv4 or IPv6 address or CIDR range, with
 * surrounding whitespace ignored. Returns the canonical entry, or a refusal
 * whose message quotes the entry and can be shown as is. Never throws.
 */
export function parseIpEntry(raw: string): IpEntryResult {
  const text = raw.trim();
  if (text === '') {
    return refuse('empty', ipMessages.empty());
  }
  if (text.length > MAX_ENTRY_LENGTH) return malformed(text);

  // ip-address accepts a zone silently and would drop it; an entry applies
  // to every server, where an interface name means nothing.
  const zone = text.indexOf('%');
  if (zone !== -1) {
    const zoneId = text.slice(zone).split('/')[0] ?? '';
    return refuse('zone-id', ipMessages.zoneId(text, zoneId));
  }

  const parts = text.split('/');
  const address = parts[0] ?? '';
  const prefixText = parts[1];
  if (parts.length > 2) return malformed(text);
  // The prefix is read here, not by ip-address, which takes `/08` as 8.
  if (prefixText !== undefined && !/^(0|[1-9][0-9]{0,2})$/.test(prefixText)) {
    return malformed(text);
  }

  if (hasLeadingZeroOctet(address)) {
    return refuse('leading-zero', ipMessages.leadingZero(text));
  }

  const read = readAddress(address);
  if (read === null) return malformed(text);

  return toEntry(text, read.family, read.value, prefixText);
}

/** Checks the prefix and host bits and builds the canonical entry. */
function toEntry(
  text: string,
  readFamily: 4 | 6,
  readValue: bigint,
  prefixText: string | undefined,
): IpEntryResult {
  const readBits = readFamily === 4 ? 32 : 128;
  const readPrefix = prefixText === undefined ? readBits : Number(prefixText);
  if (readPrefix > readBits) {
    return refuse(
      'prefix-out-of-range',
      ipMessages.prefixOutOfRange(text, readPrefix, readFamily),
    );
  }

  // An IPv4-mapped address is how a dual-stack socket reports an IPv4 peer,
  // so it is stored as IPv4 and matched against IPv4 clients.
  const mapped =
    readFamily === 6 && readPrefix >= 96 && readValue >> 32n === 0xffffn;
  const family = mapped ? 4 : readFamily;
  const value = mapped ? readValue ^ MAPPED_PREFIX : readValue;
  const prefix = mapped ? readPrefix - 96 : readPrefix;
  const bits = family === 4 ? 32 : 128;

  const hostMask = (1n << BigInt(bits - prefix)) - 1n;
  const network = value & ~hostMask;
  if (network !== value) {
    const suggestion = formatEntry(family, network, prefix);
    return refuse('host-bits', ipMessages.hostBits(text, suggestion));
  }

  return {
    ok: true,
    entry: {
      text: formatEntry(family, value, prefix),
      kind: prefix === bits ? 'address' : 'cidr',
      family,
      prefixLength: prefix,
    },
  };
}
