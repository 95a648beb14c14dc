// AES-256-GCM for OTP secrets at rest. The stored text names the key that
// sealed it, `v1:<keyId>:<iv>:<tag>:<ciphertext>` (base64 fields), so keys
// can rotate without rewriting every row at once.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { findKey, isValidKeyId, type Keyring } from './keyring.js';
import { decodeStrictBase64 } from './strict-base64.js';

const VERSION = 'v1';
const CIPHER = 'aes-256-gcm';
/** 96 bits, the nonce size GCM is specified for; random per encryption. */
const IV_BYTES = 12;
/** The full 128-bit tag; Node would otherwise accept truncated tags. */
const TAG_BYTES = 16;

/** Base of every secret-box failure, so callers can catch them together. */
export class SecretBoxError extends Error {
  override name = 'SecretBoxError';
}

/** The stored text is not a secret box this code can read. */
export class SecretBoxFormatError extends SecretBoxError {
  override name = 'SecretBoxFormatError';
}

/** The keyring has no key under the id the box names. */
export class SecretBoxKeyNotFoundError extends SecretBoxError {
  override name = 'SecretBoxKeyNotFoundError';
  constructor(readonly keyId: string) {
    super(`no key "${keyId}" in the OTP secret keyring`);
  }
}

/** Authentication failed: the box, its context or its key was altered. */
export class SecretBoxTamperedError extends SecretBoxError {
  override name = 'SecretBoxTamperedError';
  constructor() {
    super('OTP secret failed authentication: altered or wrong key');
  }
}

/**
 * Encrypts plaintext with the keyring's current key. `context` (for example
 * `member:<id>`) is authenticated but not stored: decrypting needs the same
 * value, so a box copied into another member's row will not open there.
 *
 * @throws {SecretBoxKeyNotFoundError} when the current key is missing.
 */
export function encryptSecret(
  plaintext: string,
  keyring: Keyring,
  context = '',
): string {
  const keyId = keyring.currentKeyId;
  const key = findKey(keyring, keyId);
  if (key === undefined || !isValidKeyId(keyId)) {
    throw new SecretBoxKeyNotFoundError(keyId);
  }

  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(CIPHER, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(keyId, context));
  const ciphertext = Buffer.concat([
    cipher.update(plaintext, 'utf8'),
    cipher.final(),
  ]);
  const tag = cipher.getAuthTag();

  const fields = [iv, tag, ciphertext].map((part) => part.toString('base64'));
  return [VERSION, keyId, ...fields].join(':');
}

/**
 * Decrypts a box made by {@link encryptSecret}, with whichever keyring key
 * it names, and the same context it was sealed with.
 *
 * @throws {SecretBoxFormatError} when the text is not a v1 box.
 * @throws {SecretBoxKeyNotFoundError} when its key is not in the keyring.
 * @throws {SecretBoxTamperedError} when authentication fails.
 */
export function decryptSecret(
  box: string,
  keyring: Keyring,
  context = '',
): string {
  const { keyId, iv, tag, ciphertext } = parseBox(box);
  const key = findKey(keyring, keyId);
  if (key === undefined) throw new SecretBoxKeyNotFoundError(keyId);

  const decipher = createDecipheriv(CIPHER, key, iv, {
    authTagLength: TAG_BYTES,
  });
  decipher.setAAD(associatedData(keyId, context));
  decipher.setAuthTag(tag);
  try {
    const plaintext = Buffer.concat([
      decipher.update(ciphertext),
      decipher.final(),
    ]);
    return plaintext.toString('utf8');
  } catch {
    // final() throws on a tag mismatch; say what it means for the caller.
    throw new SecretBoxTamperedError();
  }
}

/**
 * Whether a box was sealed with an older key and should be re-encrypted,
 * which a caller can do lazily after the member's next successful sign-in.
 *
 * @throws {SecretBoxFormatError} when the text is not a v1 box.
 */
export function needsReencryption(box: string, keyring: Keyring): boolean {
  return parseBox(box).keyId !== keyring.currentKeyId;
}

function parseBox(box: string) {
  const parts = box.split(':');
  if (parts.length !== 5) {
    throw new SecretBoxFormatError('OTP secret box must have 5 fields');
  }
  const [version = '', keyId = '', ivText = '', tagText = '', body = ''] =
    parts;
  if (version !== VERSION) {
    throw new SecretBoxFormatError('OTP secret box has an unknown version');
  }
  if (!isValidKeyId(keyId)) {
    throw new SecretBoxFormatError('OTP secret box has an invalid key id');
  }

  const iv = decodeStrictBase64(ivText);
  const tag = decodeStrictBase64(tagText);
  const ciphertext = decodeStrictBase64(body);
  if (iv?.length !== IV_BYTES || tag?.length !== TAG_BYTES || !ciphertext) {
    throw new SecretBoxFormatError('OTP secret box has a malformed field');
  }
  return { keyId, iv, tag, ciphertext };
}

/** Binds version, key id and caller context into the GCM tag. */
function associatedData(keyId: string, context: string): Buffer {
  // The key id cannot contain ':', so this text splits only one way.
  return Buffer.from(`${VERSION}:${keyId}:${context}`, 'utf8');
}
