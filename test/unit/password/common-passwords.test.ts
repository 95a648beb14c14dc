import { expect } from 'chai';
import {
  commonPasswordCount,
  isCommonPassword,
} from '../../../core/password/common-passwords.js';

describe('common-passwords', () => {
  describe('the list', () => {
    it('holds at least 10,000 distinct passwords', () => {
      expect(commonPasswordCount()).to.be.at.least(10_000);
    });
  });

  describe('isCommonPassword', () => {
    describe('when the password is on the list', () => {
      for (const password of ['123456', 'password', 'qwerty', 'trustno1']) {
        it(`refuses ${password}`, () => {
          expect(isCommonPassword(password)).to.equal(true);
        });
      }
    });

    describe('when the password differs from an entry only in case', () => {
      it('still refuses it', () => {
        expect(isCommonPassword('PASSWORD')).to.equal(true);
        expect(isCommonPassword('Sunshine')).to.equal(true);
      });
    });

    describe('when the password is not on the list', () => {
      it('accepts it', () => {
        expect(isCommonPassword('quiet harbour lantern 7')).to.equal(false);
        expect(isCommonPassword('')).to.equal(false);
      });
    });
  });
});
