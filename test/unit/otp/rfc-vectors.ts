// The RFC 6238 / RFC 4226 published vectors, read from the repository's own
// fixture so that a fresh clone runs these tests without anything outside.
import { readFileSync } from 'node:fs';
import type { TotpAlgorithm } from '../../../core/otp/totp.js';

export interface RfcVectors {
  totp: {
    step_seconds: number;
    t0: number;
    digits: 8;
    seeds_ascii: Record<TotpAlgorithm, string>;
    seeds_base32: Record<TotpAlgorithm, string>;
    vectors: Array<{ unix_time: number } & Record<TotpAlgorithm, string>>;
  };
  hotp: {
    secret_ascii: string;
    algorithm: 'SHA1';
    digits: 6;
    codes_by_counter: string[];
  };
  six_digit_example: { unix_time: number; code: string };
}

export const ALGORITHMS: readonly TotpAlgorithm[] = [
  'SHA1',
  'SHA256',
  'SHA512',
];

export const rfcVectors: RfcVectors = JSON.parse(
  readFileSync(
    new URL('../../fixtures/totp-rfc6238.json', import.meta.url),
    'utf8',
  ),
);

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * RFC 4648 base32 with padding, written here so the tests can turn the RFC's
 * ASCII seeds into secrets without trusting the code under test.
 */
export function toBase32(text: string): string {
  let bits = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    bits += byte.toString(2).padStart(8, '0');
  }
  let out = '';
  for (let i = 0; i < bits.length; i += 5) {
    out += BASE32.charAt(parseInt(bits.slice(i, i + 5).padEnd(5, '0'), 2));
  }
  return out.padEnd(Math.ceil(out.length / 8) * 8, '=');
}
