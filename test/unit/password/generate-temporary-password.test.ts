import { expect } from 'chai';
import { generateTemporaryPassword } from '../../../core/password/password-hash.js';
import {
  checkPassword,
  DEFAULT_PASSWORD_RULES,
  type PasswordRules,
} from '../../../core/password/password-rules.js';

const FLAGS = [
  'requireLetters',
  'requireDigits',
  'requireSymbols',
  'requireMixedCase',
] as const;

/** Every on/off combination of the four complexity options. */
function everyFlagCombination(): Partial<PasswordRules>[] {
  const combinations: Partial<PasswordRules>[] = [];
  for (let mask = 0; mask < 2 ** FLAGS.length; mask += 1) {
    combinations.push(
      Object.fromEntries(
        FLAGS.map((flag, bit) => [flag, (mask & (1 << bit)) !== 0]),
      ),
    );
  }
  return combinations;
}

function describeRules(rules: PasswordRules): string {
  const on = FLAGS.filter((flag) => rules[flag]);
  return `minLength ${rules.minLength}, ${on.length ? on.join(' + ') : 'no complexity options'}`;
}

describe('generateTemporaryPassword', () => {
  for (const minLength of [8, 20, 64]) {
    for (const flags of everyFlagCombination()) {
      const rules: PasswordRules = {
        ...DEFAULT_PASSWORD_RULES,
        ...flags,
        minLength,
      };

      describe(`with ${describeRules(rules)}`, () => {
        it('meets every rule, 25 times out of 25', () => {
          for (let run = 0; run < 25; run += 1) {
            const password = generateTemporaryPassword(rules);
            expect(checkPassword(password, rules, { email: '' })).to.deep.equal(
              [],
            );
            expect([...password]).to.have.length(Math.max(16, minLength));
          }
        });
      });
    }
  }

  describe('when an email is given', () => {
    it('never contains its local part', () => {
      const email = 'abc@example.com';
      for (let run = 0; run < 200; run += 1) {
        const password = generateTemporaryPassword(DEFAULT_PASSWORD_RULES, {
          email,
        });
        expect(password.toLowerCase()).not.to.include('abc');
      }
    });
  });

  describe('when symbols are not required', () => {
    it('uses only letters and digits that are hard to misread', () => {
      const password = generateTemporaryPassword(DEFAULT_PASSWORD_RULES);
      expect(password).to.match(/^[a-km-zA-HJ-NP-Z2-9]+$/);
    });
  });

  it('gives a different password each time', () => {
    const passwords = new Set(
      Array.from({ length: 50 }, () =>
        generateTemporaryPassword(DEFAULT_PASSWORD_RULES),
      ),
    );
    expect(passwords.size).to.equal(50);
  });
});
