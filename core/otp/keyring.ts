// The set of AES-256 keys that protect OTP secrets at rest. Keeping old keys
// next to the current one lets operators rotate: new secrets use the current
// key while rows written under an older key still decrypt.
import { decodeStrictBase64 } from './strict-base64.js';

/** Keys by id; currentKeyId names the one used for new ciphertexts. */
export interface Keyring {
  currentKeyId: string;
  keys: Readonly<Record<string, Buffer>>;
}

/** Raised for an unusable keyring setting; the message names the problem. */
export class KeyringConfigError extends Error {
  override name = 'KeyringConfigError';
}

/** AES-256 takes a 32-byte key. */
export const KEY_BYTES = 32;

/** Ids go into every ciphertext between colons, so they exclude ':'. */
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * Parses a keyring setting such as `k2:<base64>,k1:<base64>`: comma-separated
 * `id:key` entries, each key 32 bytes in standard base64. The first entry is
 * the current key. Messages name the entry but never echo key material.
 *
 * @throws {KeyringConfigError} on any malformed entry.
 */
export function parseKeyring(config: string): Keyring {
  const entries = config.split(',').map((entry) => entry.trim());
  if (entries.length === 1 && entries[0] === '') {
    throw new KeyringConfigError('keyring is empty: expected id:base64key');
  }
  const parsed = entries.map((entry, index) => parseEntry(entry, index + 1));

  // A prototype-free object so ids like "constructor" find nothing inherited.
  const keys: Record<string, Buffer> = Object.create(null);
  for (const [index, [id, key]] of parsed.entries()) {
    if (Object.hasOwn(keys, id)) {
      throw new KeyringConfigError(`keyring entry ${index + 1}: duplicate id`);
    }
    keys[id] = key;
  }

  const [currentKeyId] = parsed[0] ?? [];
  if (currentKeyId === undefined) {
    throw new KeyringConfigError('keyring is empty: expected id:base64key');
  }
  return { currentKeyId, keys };
}

/**
 * Returns the key stored under id, or undefined when the keyring has none.
 * Only own entries count, so an inherited name never resolves to a key.
 */
export function findKey(keyring: Keyring, id: string): Buffer | undefined {
  if (!Object.hasOwn(keyring.keys, id)) return undefined;
  const key = keyring.keys[id];
  return Buffer.isBuffer(key) && key.length === KEY_BYTES ? key : undefined;
}

/** Whether id can be written into a ciphertext prefix. */
export function isValidKeyId(id: string): boolean {
  return KEY_ID.test(id);
}

function parseEntry(entry: string, position: number): [string, Buffer] {
  const where = `keyring entry ${position}`;
  if (entry === '') throw new KeyringConfigError(`${where} is empty`);

  const colon = entry.indexOf(':');
  if (colon === -1) {
    throw new KeyringConfigError(`${where}: expected id:base64key`);
  }
  const id = entry.slice(0, colon);
  const encoded = entry.slice(colon + 1);
  if (!isValidKeyId(id)) {
    throw new KeyringConfigError(
      `${where}: id must be 1-32 characters of A-Z a-z 0-9 _ -`,
    );
  }

  const key = decodeStrictBase64(encoded);
  if (key === undefined) {
    throw new KeyringConfigError(`${where} (${id}): key is not base64`);
  }
  if (key.length !== KEY_BYTES) {
    throw new KeyringConfigError(
      `${where} (${id}): key must be ${KEY_BYTES} bytes, got ${key.length}`,
    );
  }
  return [id, key];
}
