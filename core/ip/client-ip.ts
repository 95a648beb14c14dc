import { Address6 } from 'ip-address';

import { parseIpEntry } from './ip-entry.js';
import { parseClientAddress, wordsToBigInt } from './parse-ip-address.js';

/**
 * Brings a client address as Node or Express reports it to the form stored in
 * sessions and audit events: IPv4 dotted decimal, IPv6 in RFC 5952 form. An
 * IPv4-mapped address (`::ffff:127.0.0.1`, what a dual-stack socket reports
 * for an IPv4 peer) becomes the IPv4 address, so one client has one IP
 * whichever socket it reached. Returns null for a missing or malformed value.
 */
export function normalizeClientIp(address: string | undefined): string | null {
  const parsed = parseClientAddress(address);
  if (parsed === null) return null;

  if (parsed.family === 6) {
    return Address6.fromBigInt(wordsToBigInt(parsed.words)).correctForm();
  }
  const { value } = parsed;
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255]
    .map(String)
    .join('.');
}

/** What Express 5 accepts as `app.set('trust proxy', ...)`. */
export type TrustProxySetting = false | number | string[];

export type TrustProxyResult =
  { ok: true; setting: TrustProxySetting } | { ok: false; message: string };

/** Express's names for well-known ranges, accepted as list items. */
export const TRUST_PROXY_NAMES: readonly string[] = [
  'loopback',
  'linklocal',
  'uniquelocal',
];

function refuse(message: string): TrustProxyResult {
  return { ok: false, message: `TRUST_PROXY: ${message}` };
}

/**
 * Turns the TRUST_PROXY config value into the Express `trust proxy` setting.
 *
 * Express takes the client IP from X-Forwarded-For only through the proxies
 * it trusts; anyone can write that header, so trusting a peer that is not our
 * own proxy lets a client choose the IP that the allowed-IP list, OTP
 * exclusions and the audit log see. Hence the default is the socket address,
 * and `true` (trust every peer) and `/0` ranges are refused.
 *
 * Accepted: unset, empty or `false` (trust no proxy); a hop count such as `1`
 * (the number of proxies in front of the app, `0` meaning none); or a
 * comma-separated list of proxy addresses, CIDR ranges and Express's names
 * `loopback`, `linklocal` and `uniquelocal`. An error names the bad item.
 */
export function parseTrustProxy(raw: string | undefined): TrustProxyResult {
  const value = (raw ?? '').trim();
  if (value === '' || value.toLowerCase() === 'false') {
    return { ok: true, setting: false };
  }
  if (value.toLowerCase() === 'true') {
    return refuse(
      '"true" would trust every peer, so any client could choose its IP ' +
        'with X-Forwarded-For; give the hop count or the proxy addresses',
    );
  }
  if (/^[0-9]+$/.test(value)) {
    const hops = Number(value);
    if (!Number.isSafeInteger(hops) || hops > 255) {
      return refuse(`"${value}" is not a plausible number of proxies`);
    }
    return { ok: true, setting: hops === 0 ? false : hops };
  }

  return parseProxyList(value);
}

function parseProxyList(value: string): TrustProxyResult {
  const setting: string[] = [];
  for (const item of value.split(',').map((part) => part.trim())) {
    if (item === '') return refuse(`"${value}" has an empty item`);
    if (TRUST_PROXY_NAMES.includes(item)) {
      setting.push(item);
      continue;
    }

    const parsed = parseIpEntry(item);
    if (!parsed.ok) return refuse(parsed.message);
    // Express refuses /0 at start-up anyway; say why it would be wrong.
    if (parsed.entry.prefixLength === 0) {
      return refuse(
        `"${item}" would trust every IPv${parsed.entry.family} peer, so any ` +
          'client could choose its IP with X-Forwarded-For',
      );
    }
    setting.push(parsed.entry.text);
  }
  return { ok: true, setting };
}
