import { createHmac, randomBytes, randomInt } from 'node:crypto';
import bcrypt from 'bcrypt';
import { normalizePassword } from './normalize-password.js';
import { checkPassword, type PasswordRules } from './password-rules.js';

/**
 * Marks hashes made by this scheme. A future scheme (another pre-hash, a
 * secret pepper, another algorithm) gets a new prefix, and needsRehash()
 * lets sign-in upgrade old hashes while the password is at hand.
 */
const SCHEME_PREFIX = '$gh1$';

// A fixed, public key, not a secret pepper. Pre-hashing with plain SHA-256
// would let someone holding our bcrypt hashes test unsalted SHA-256 digests
// leaked by other sites directly against them ("hash shucking"), learning
// who reused a password without cracking anything; a key of our own makes
// our digests differ from everyone else's.
const PREHASH_KEY = 'gatehouse/password-hash/gh1';

const MIN_COST = 4;
const MAX_COST = 31;

/**
 * bcrypt reads only the first 72 bytes, so long passwords sharing a prefix
 * would collide. We hash the normalised password to 32 bytes first and give
 * bcrypt the base64 text (44 ASCII bytes). Base64 rather than the raw digest
 * because a digest can contain 0x00, and C bcrypt implementations stop
 * reading at the first NUL byte, which would make many passwords equal.
 */
function prehash(password: string): string {
  return createHmac('sha256', PREHASH_KEY)
    .update(normalizePassword(password), 'utf8')
    .digest('base64');
}

function assertCost(cost: number): void {
  if (!Number.isInteger(cost) || cost < MIN_COST || cost > MAX_COST) {
    throw new RangeError(
      `bcrypt cost must be a whole number from ${MIN_COST} to ${MAX_COST}`,
    );
  }
}

/**
 * Hashes a password for storage as `$gh1$` followed by a bcrypt hash of its
 * pre-hash. `cost` is the bcrypt work factor (config.bcryptCost).
 */
export async function hashPassword(
  password: string,
  cost: number,
): Promise<string> {
  assertCost(cost);
  return SCHEME_PREFIX + (await bcrypt.hash(prehash(password), cost));
}

/**
 * Tells whether a password matches a stored hash. A hash in any other
 * format never matches, so a damaged row cannot be signed in to.
 */
export async function verifyPassword(
  password: string,
  storedHash: string,
): Promise<boolean> {
  if (!storedHash.startsWith(SCHEME_PREFIX)) return false;
  const bcryptHash = storedHash.slice(SCHEME_PREFIX.length);
  return bcrypt.compare(prehash(password), bcryptHash);
}

/**
 * Tells whether a stored hash should be replaced after a successful sign-in:
 * it was made by an older scheme or at a cost other than `cost`.
 */
export function needsRehash(storedHash: string, cost: number): boolean {
  if (!storedHash.startsWith(SCHEME_PREFIX)) return true;
  try {
    return bcrypt.getRounds(storedHash.slice(SCHEME_PREFIX.length)) !== cost;
  } catch {
    return true;
  }
}

const dummyHashes = new Map<number, Promise<string>>();

function dummyHash(cost: number): Promise<string> {
  const cached = dummyHashes.get(cost);
  if (cached) return cached;

  const created = hashPassword(randomBytes(32).toString('base64'), cost);
  // A failed attempt must not be cached, or every later call would fail.
  created.catch(() => dummyHashes.delete(cost));
  dummyHashes.set(cost, created);
  return created;
}

/**
 * Spends the time of one verifyPassword at `cost` and answers false, for
 * sign-in attempts on accounts that do not exist (or have no password), so
 * the answer takes as long either way. The dummy hash is made on the first
 * call per cost, which therefore takes about twice as long; call it once at
 * start-up to keep that out of a real request.
 */
export async function dummyVerify(cost: number): Promise<false> {
  assertCost(cost);
  await verifyPassword('not the dummy password', await dummyHash(cost));
  return false;
}

// 0/O and 1/l/I are left out: temporary passwords are read off a screen and
// typed by hand.
const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const SYMBOLS = '!#$%&*+-=?@^_~';

/** 16 characters from 57 give about 93 bits, far beyond online guessing. */
const TEMPORARY_LENGTH = 16;
const MAX_ATTEMPTS = 1000;

function randomText(alphabet: string, length: number): string {
  let text = '';
  for (let i = 0; i < length; i += 1) {
    text += alphabet.charAt(randomInt(alphabet.length));
  }
  return text;
}

/**
 * Makes a random temporary password that passes checkPassword for `rules`
 * (and for `email`, when given). Candidates are drawn uniformly and the
 * failing ones thrown away, so every accepted password is equally likely.
 */
export function generateTemporaryPassword(
  rules: PasswordRules,
  context: { email?: string } = {},
): string {
  // minLength is at most 64 and maxLength at least 64, so this fits both.
  const length = Math.max(TEMPORARY_LENGTH, rules.minLength);
  const alphabet =
    LOWER + UPPER + DIGITS + (rules.requireSymbols ? SYMBOLS : '');
  const email = context.email ?? '';

  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const candidate = randomText(alphabet, length);
    if (checkPassword(candidate, rules, { email }).length === 0) {
      return candidate;
    }
  }
  throw new Error('no temporary password met the password rules');
}
