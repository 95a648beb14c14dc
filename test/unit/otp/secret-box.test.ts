import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import { parseKeyring, type Keyring } from '../../../core/otp/keyring.js';
import {
  decryptSecret,
  encryptSecret,
  needsReencryption,
  SecretBoxError,
  SecretBoxFormatError,
  SecretBoxKeyNotFoundError,
  SecretBoxTamperedError,
} from '../../../core/otp/secret-box.js';
import { generateTotpSecret } from '../../../core/otp/totp.js';

const newKey = () => randomBytes(32).toString('base64');
const B64 = '[A-Za-z0-9+/]+={0,2}';

describe('encryptSecret and decryptSecret', () => {
  const keyring = parseKeyring(`k1:${newKey()}`);

  describe('a round trip', () => {
    it('returns the OTP secret that went in', () => {
      const secret = generateTotpSecret();

      const box = encryptSecret(secret, keyring);

      expect(decryptSecret(box, keyring)).to.equal(secret);
    });

    it('stores version, key id, 12-byte IV, 16-byte tag and ciphertext', () => {
      const box = encryptSecret(generateTotpSecret(), keyring);

      expect(box).to.match(new RegExp(`^v1:k1:${B64}:${B64}:${B64}$`));
      const [, , iv = '', tag = ''] = box.split(':');
      expect(Buffer.from(iv, 'base64')).to.have.length(12);
      expect(Buffer.from(tag, 'base64')).to.have.length(16);
    });

    it('never writes the same box twice for the same secret', () => {
      const secret = generateTotpSecret();

      expect(encryptSecret(secret, keyring)).not.to.equal(
        encryptSecret(secret, keyring),
      );
    });

    it('carries empty and non-ASCII text unchanged', () => {
      for (const text of ['', 'clé 秘密 🔑']) {
        expect(decryptSecret(encryptSecret(text, keyring), keyring)).to.equal(
          text,
        );
      }
    });

    it('opens with the same context it was sealed with', () => {
      const box = encryptSecret('JBSWY3DPEHPK3PXP', keyring, 'member:42');

      expect(decryptSecret(box, keyring, 'member:42')).to.equal(
        'JBSWY3DPEHPK3PXP',
      );
    });
  });

  describe('after the current key changes', () => {
    const oldKey = newKey();
    const before = parseKeyring(`k1:${oldKey}`);
    const after = parseKeyring(`k2:${newKey()},k1:${oldKey}`);

    it('still decrypts what the old key encrypted', () => {
      const box = encryptSecret('old secret', before);

      expect(decryptSecret(box, after)).to.equal('old secret');
    });

    it('encrypts new secrets with the new key', () => {
      expect(encryptSecret('new secret', after)).to.match(/^v1:k2:/);
    });

    it('reports which boxes need re-encrypting', () => {
      expect(needsReencryption(encryptSecret('s', before), after)).to.equal(
        true,
      );
      expect(needsReencryption(encryptSecret('s', after), after)).to.equal(
        false,
      );
    });

    it('refuses a box whose key was removed, naming the key id', () => {
      const box = encryptSecret('old secret', before);
      const withoutOld = parseKeyring(`k2:${newKey()}`);

      const error = catchError(() => decryptSecret(box, withoutOld));

      expect(error).to.be.instanceOf(SecretBoxKeyNotFoundError);
      expect(error).to.have.property('keyId', 'k1');
    });
  });

  describe('when the box was tampered with', () => {
    const box = encryptSecret(generateTotpSecret(), keyring, 'member:1');
    const tamperCases: Array<[string, number]> = [
      ['one bit of the IV', 2],
      ['one bit of the tag', 3],
      ['one bit of the ciphertext', 4],
    ];

    for (const [label, field] of tamperCases) {
      it(`detects a change to ${label}`, () => {
        const altered = flipBit(box, field);

        expect(() => decryptSecret(altered, keyring, 'member:1')).to.throw(
          SecretBoxTamperedError,
        );
      });
    }

    it('detects a box moved to another member (other context)', () => {
      expect(() => decryptSecret(box, keyring, 'member:2')).to.throw(
        SecretBoxTamperedError,
      );
    });

    it('detects a key id rewritten to name another key', () => {
      const both = parseKeyring(
        `k1:${keyring.keys.k1?.toString('base64')},k2:${newKey()}`,
      );
      const relabelled = box.replace(/^v1:k1:/, 'v1:k2:');

      expect(() => decryptSecret(relabelled, both, 'member:1')).to.throw(
        SecretBoxTamperedError,
      );
    });

    it('refuses a truncated tag instead of checking fewer bits', () => {
      const parts = box.split(':');
      parts[3] = Buffer.from(parts[3] ?? '', 'base64')
        .subarray(0, 12)
        .toString('base64');

      expect(() => decryptSecret(parts.join(':'), keyring)).to.throw(
        SecretBoxFormatError,
      );
    });
  });

  describe('when the text is not a box', () => {
    const box = encryptSecret('s', keyring);
    const cases: Array<[string, string]> = [
      ['plain text', 'JBSWY3DPEHPK3PXP'],
      ['a missing field', box.split(':').slice(0, 4).join(':')],
      ['an extra field', `${box}:AAAA`],
      ['an unknown version', box.replace(/^v1:/, 'v2:')],
      ['characters outside base64', box.replace(/:([^:]+)$/, ':*$1')],
    ];

    for (const [label, text] of cases) {
      it(`throws a format error for ${label}`, () => {
        expect(() => decryptSecret(text, keyring)).to.throw(
          SecretBoxFormatError,
        );
      });
    }

    it('finds no key for an id every object inherits', () => {
      const inherited = box.replace(/^v1:k1:/, 'v1:constructor:');

      expect(() => decryptSecret(inherited, keyring)).to.throw(
        SecretBoxKeyNotFoundError,
      );
    });

    it('raises errors that all share SecretBoxError', () => {
      expect(() => decryptSecret('nonsense', keyring)).to.throw(SecretBoxError);
    });
  });

  describe('when the keyring lacks its current key', () => {
    it('refuses to encrypt', () => {
      const broken: Keyring = { currentKeyId: 'k9', keys: keyring.keys };

      expect(() => encryptSecret('s', broken)).to.throw(
        SecretBoxKeyNotFoundError,
      );
    });
  });
});

/** Flips the lowest bit of the first byte of one colon-separated field. */
function flipBit(box: string, field: number): string {
  const parts = box.split(':');
  const bytes = Buffer.from(parts[field] ?? '', 'base64');
  bytes[0] = (bytes[0] ?? 0) ^ 1;
  parts[field] = bytes.toString('base64');
  return parts.join(':');
}

function catchError(action: () => unknown): Error | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof Error) return error;
  }
  return undefined;
}
