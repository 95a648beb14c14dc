// Single-use recovery codes for a member who lost their authenticator.
// Only hashes are stored; a code is consumed by removing its hash.
import {
  createHash,
  randomBytes,
  randomInt,
  timingSafeEqual,
} from 'node:crypto';
import { decodeStrictBase64 } from './strict-base64.js';

/**
 * Lower-case letters and digits without 0/o, 1/l/i, which people misread
 * when copying a code from paper: 31 symbols.
 */
export const RECOVERY_CODE_ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';

/** Symbols per code: 12 x log2(31) = 59.4 bits of entropy. */
export const RECOVERY_CODE_LENGTH = 12;

/** Codes handed out per enrolment. */
export const RECOVERY_CODE_COUNT = 10;

const GROUP = 4;
const SALT_BYTES = 16;
const DIGEST_BYTES = 32;
const HASH_PREFIX = 'sha256';
const CANONICAL = new RegExp(
  `^[${RECOVERY_CODE_ALPHABET}]{${RECOVERY_CODE_LENGTH}}$`,
);
/** Spaces and every dash a keyboard, phone or IME may produce. */
const SEPARATORS = /[\s\-\u2010-\u2015\u2212]/g;

/**
 * Generates distinct recovery codes shown once to the member, formatted
 * `xxxx-xxxx-xxxx` for reading aloud or copying by hand.
 */
export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  const codes = new Set<string>();
  // A repeat is astronomically unlikely, but the promise is distinct codes.
  while (codes.size < count) codes.add(randomCode());
  return [...codes].map(formatCode);
}

/**
 * Reduces what a member typed to the canonical 12 symbols: full-width
 * characters folded (NFKC), case ignored, spaces and dashes dropped.
 * Returns undefined when the result cannot be a recovery code.
 */
export function normalizeRecoveryCode(input: unknown): string | undefined {
  if (typeof input !== 'string' || input.length > 100) return undefined;
  const compact = input.normalize('NFKC').toLowerCase().replace(SEPARATORS, '');
  return CANONICAL.test(compact) ? compact : undefined;
}

/**
 * Hashes a code for storage as `sha256:<salt>:<digest>` (base64 fields).
 *
 * A fast hash is enough here, unlike for passwords. Slow hashes such as
 * bcrypt make up for the few bits in a password a person chose; a code
 * holds ~59 random bits, so someone with a copy of the table still needs
 * about 2^58 SHA-256 runs to find one code. The random salt per code stops
 * a single guess from being tested against every stored code at once.
 *
 * @throws {TypeError} when code is not a recovery code.
 */
export function hashRecoveryCode(code: string): string {
  const canonical = normalizeRecoveryCode(code);
  if (canonical === undefined) {
    throw new TypeError('not a recovery code');
  }
  const salt = randomBytes(SALT_BYTES);
  const digest = digestCode(salt, canonical);
  return [HASH_PREFIX, salt.toString('base64'), digest.toString('base64')].join(
    ':',
  );
}

/**
 * Finds which stored hash a typed code matches, or -1. Malformed input is
 * simply no match. Every hash is compared in constant time, and all of them
 * are checked, so timing does not tell which one matched. The caller must
 * then delete that hash in the same statement that checks it still exists,
 * so two racing requests cannot both spend one code.
 *
 * @throws {TypeError} when a stored hash is not in the expected format.
 */
export function matchRecoveryCode(
  input: unknown,
  storedHashes: readonly string[],
): number {
  const parsed = storedHashes.map(parseStoredHash);
  const canonical = normalizeRecoveryCode(input);
  if (canonical === undefined) return -1;

  let match = -1;
  parsed.forEach(({ salt, digest }, index) => {
    const candidate = digestCode(salt, canonical);
    if (timingSafeEqual(candidate, digest) && match === -1) match = index;
  });
  return match;
}

function randomCode(): string {
  let code = '';
  for (let i = 0; i < RECOVERY_CODE_LENGTH; i += 1) {
    // randomInt draws without modulo bias, whatever the alphabet size.
    code += RECOVERY_CODE_ALPHABET.charAt(
      randomInt(RECOVERY_CODE_ALPHABET.length),
    );
  }
  return code;
}

function formatCode(code: string): string {
  const groups: string[] = [];
  for (let i = 0; i < code.length; i += GROUP) {
    groups.push(code.slice(i, i + GROUP));
  }
  return groups.join('-');
}

function digestCode(salt: Buffer, canonical: string): Buffer {
  return createHash('sha256').update(salt).update(canonical).digest();
}

function parseStoredHash(stored: string, index: number) {
  const [prefix, saltText = '', digestText = '', extra] = stored.split(':');
  const salt = decodeStrictBase64(saltText);
  const digest = decodeStrictBase64(digestText);
  const wellFormed =
    prefix === HASH_PREFIX &&
    extra === undefined &&
    salt?.length === SALT_BYTES &&
    digest?.length === DIGEST_BYTES;
  if (!wellFormed) {
    throw new TypeError(`stored recovery code hash ${index} is malformed`);
  }
  return { salt, digest };
}
