import { expect } from 'chai';
import {
  countCodePoints,
  normalizePassword,
} from '../../../core/password/normalize-password.js';

describe('normalizePassword', () => {
  describe('when an accent is typed as a combining mark', () => {
    it('gives the same text as the precomposed character', () => {
      expect(normalizePassword('Cafe\u0301')).to.equal('Caf\u00e9');
    });
  });

  describe('when a character has only a compatibility equivalent', () => {
    it('keeps it as typed (NFC, not NFKC)', () => {
      expect(normalizePassword('\uff21\ufb01')).to.equal('\uff21\ufb01');
    });
  });
});

describe('countCodePoints', () => {
  it('counts a character outside the BMP once', () => {
    expect(countCodePoints('a😀b')).to.equal(3);
  });

  it('counts each code point of a multi-code-point emoji', () => {
    // Family emoji: man, ZWJ, woman, ZWJ, girl.
    expect(countCodePoints('👨\u200d👩\u200d👧')).to.equal(5);
  });
});
