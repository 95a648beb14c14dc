import { randomBytes } from 'node:crypto';
import { expect } from 'chai';
import {
  findKey,
  KeyringConfigError,
  parseKeyring,
} from '../../../core/otp/keyring.js';

const newKey = () => randomBytes(32).toString('base64');

describe('parseKeyring', () => {
  describe('with well-formed entries', () => {
    it('makes the only key the current one', () => {
      const key = newKey();

      const keyring = parseKeyring(`k1:${key}`);

      expect(keyring.currentKeyId).to.equal('k1');
      expect(findKey(keyring, 'k1')?.toString('base64')).to.equal(key);
    });

    it('makes the first of several keys the current one', () => {
      const keyring = parseKeyring(`k2:${newKey()},k1:${newKey()}`);

      expect(keyring.currentKeyId).to.equal('k2');
      expect(Object.keys(keyring.keys)).to.have.members(['k1', 'k2']);
    });

    it('ignores spaces around entries', () => {
      const keyring = parseKeyring(` k2:${newKey()} ,  k1:${newKey()} `);

      expect(Object.keys(keyring.keys)).to.have.members(['k1', 'k2']);
    });
  });

  describe('with a malformed setting', () => {
    const key = newKey();
    const short = randomBytes(16).toString('base64');
    const unpadded = key.replace(/=+$/, '');
    const cases: Array<[string, string, string]> = [
      ['an empty string', '', 'keyring is empty'],
      ['an entry without a colon', 'k1', 'keyring entry 1: expected id:'],
      ['an empty id', `:${key}`, 'keyring entry 1: id must be'],
      ['an id with a dot', `k.1:${key}`, 'keyring entry 1: id must be'],
      ['a key that is not base64', 'k1:not*base64', 'entry 1 (k1): key is not'],
      ['a key without its padding', `k1:${unpadded}`, 'key is not base64'],
      ['a 16-byte key', `k1:${short}`, 'must be 32 bytes, got 16'],
      ['an empty key', 'k1:', 'must be 32 bytes, got 0'],
      ['a trailing comma', `k1:${key},`, 'keyring entry 2 is empty'],
      ['a repeated id', `k1:${key},k1:${newKey()}`, 'entry 2: duplicate id'],
    ];

    for (const [label, setting, message] of cases) {
      it(`refuses ${label}, naming the problem`, () => {
        expect(() => parseKeyring(setting)).to.throw(
          KeyringConfigError,
          message,
        );
      });
    }

    it('never repeats key material in the message', () => {
      const secretish = randomBytes(20).toString('base64');

      const error = catchError(() => parseKeyring(`k1:${secretish}`));

      expect(error).to.be.instanceOf(KeyringConfigError);
      expect(error?.message).not.to.include(secretish);
    });
  });
});

describe('findKey', () => {
  const keyring = parseKeyring(`k1:${newKey()}`);

  it('finds nothing for an unknown id', () => {
    expect(findKey(keyring, 'k9')).to.equal(undefined);
  });

  it('finds nothing for names every object inherits', () => {
    for (const name of ['constructor', 'toString', '__proto__']) {
      expect(findKey(keyring, name), name).to.equal(undefined);
    }
  });
});

function catchError(action: () => unknown): Error | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof Error) return error;
  }
  return undefined;
}
