import { expect } from 'chai';
import {
  generateRecoveryCodes,
  hashRecoveryCode,
  matchRecoveryCode,
  normalizeRecoveryCode,
  RECOVERY_CODE_ALPHABET,
  RECOVERY_CODE_LENGTH,
} from '../../../core/otp/recovery-codes.js';

const FORMAT = new RegExp(
  `^[${RECOVERY_CODE_ALPHABET}]{4}-[${RECOVERY_CODE_ALPHABET}]{4}-` +
    `[${RECOVERY_CODE_ALPHABET}]{4}$`,
);

describe('generateRecoveryCodes', () => {
  it('hands out ten codes by default', () => {
    expect(generateRecoveryCodes()).to.have.length(10);
  });

  it('formats each code as xxxx-xxxx-xxxx from the alphabet', () => {
    for (const code of generateRecoveryCodes()) {
      expect(code).to.match(FORMAT);
    }
  });

  it('uses no character people confuse with another', () => {
    expect(RECOVERY_CODE_ALPHABET).not.to.match(/[01ilo]/);
  });

  it('gives each code at least 50 bits of entropy', () => {
    const bits =
      RECOVERY_CODE_LENGTH * Math.log2(RECOVERY_CODE_ALPHABET.length);

    expect(bits).to.be.at.least(50);
  });

  it('never repeats a code, within a set or across many sets', () => {
    const codes = Array.from({ length: 100 }, () =>
      generateRecoveryCodes(),
    ).flat();

    expect(new Set(codes).size).to.equal(codes.length);
  });

  it('draws every alphabet symbol over enough codes', () => {
    const seen = new Set(generateRecoveryCodes(50).join('').replace(/-/g, ''));

    expect(seen.size).to.equal(RECOVERY_CODE_ALPHABET.length);
  });
});

describe('normalizeRecoveryCode', () => {
  const canonical = 'abcd2345wxyz';

  describe('when the member types the code loosely', () => {
    const typed: Array<[string, string]> = [
      ['as printed', 'abcd-2345-wxyz'],
      ['in capitals', 'ABCD-2345-WXYZ'],
      ['without dashes', 'abcd2345wxyz'],
      ['with spaces instead of dashes', 'abcd 2345 wxyz'],
      ['with surrounding spaces and a tab', '  abcd-2345\twxyz '],
      ['with a typographic dash', 'abcd–2345—wxyz'],
      ['in full-width characters from an IME', 'ＡＢＣＤ－２３４５－ｗｘｙｚ'],
    ];

    for (const [label, input] of typed) {
      it(`reads the code typed ${label}`, () => {
        expect(normalizeRecoveryCode(input)).to.equal(canonical);
      });
    }
  });

  describe('when the input cannot be a code', () => {
    const junk: Array<[string, unknown]> = [
      ['a code one symbol short', 'abcd-2345-wxy'],
      ['a code one symbol long', 'abcd-2345-wxyz-a'],
      ['a letter outside the alphabet', 'abcd-2345-wxyo'],
      ['dots as separators', 'abcd.2345.wxyz'],
      ['an empty string', ''],
      ['a number', 12345678],
      ['a huge string', 'a'.repeat(10_000)],
    ];

    for (const [label, input] of junk) {
      it(`returns undefined for ${label}`, () => {
        expect(normalizeRecoveryCode(input)).to.equal(undefined);
      });
    }
  });
});

describe('hashRecoveryCode and matchRecoveryCode', () => {
  const codes = generateRecoveryCodes();
  const stored = codes.map(hashRecoveryCode);

  it('stores a salted SHA-256 that does not contain the code', () => {
    const [code = '', hash = ''] = [codes[0], stored[0]];

    expect(hash).to.match(/^sha256:[A-Za-z0-9+/]{22}==:[A-Za-z0-9+/]{43}=$/);
    expect(hash).not.to.include(code.replace(/-/g, ''));
  });

  it('hashes the same code differently each time', () => {
    const code = codes[0] ?? '';

    expect(hashRecoveryCode(code)).not.to.equal(hashRecoveryCode(code));
  });

  it('finds the index of the code the member typed', () => {
    codes.forEach((code, index) => {
      expect(matchRecoveryCode(code, stored)).to.equal(index);
    });
  });

  it('matches after normalising case, spaces and dashes', () => {
    const typed = ` ${(codes[3] ?? '').toUpperCase().replace(/-/g, ' ')} `;

    expect(matchRecoveryCode(typed, stored)).to.equal(3);
  });

  it('answers -1 for a code from another set', () => {
    const other = generateRecoveryCodes(1)[0];

    expect(matchRecoveryCode(other, stored)).to.equal(-1);
  });

  it('answers -1, without throwing, for malformed input', () => {
    for (const input of ['', 'nope', null, 42, {}]) {
      expect(matchRecoveryCode(input, stored)).to.equal(-1);
    }
  });

  it('no longer matches a code once its hash is removed', () => {
    const remaining = stored.filter((_, index) => index !== 5);

    expect(matchRecoveryCode(codes[5], remaining)).to.equal(-1);
  });

  it('refuses to hash something that is not a recovery code', () => {
    expect(() => hashRecoveryCode('password1')).to.throw(TypeError);
  });

  it('throws for a corrupt stored hash rather than ignoring it', () => {
    const corrupt = [...stored, 'sha256:not-a-hash'];

    expect(() => matchRecoveryCode(codes[0], corrupt)).to.throw(
      TypeError,
      'stored recovery code hash 10 is malformed',
    );
  });
});
