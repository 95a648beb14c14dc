import { expect } from 'chai';
import {
  checkPassword,
  DEFAULT_PASSWORD_RULES,
  PASSWORD_RULE_GUIDANCE,
  validatePasswordRules,
  type PasswordRules,
} from '../../../core/password/password-rules.js';

const email = 'anna.lee@example.com';

function rulesWith(changes: Partial<PasswordRules>): PasswordRules {
  return { ...DEFAULT_PASSWORD_RULES, ...changes };
}

function failedCodes(password: string, rules: PasswordRules): string[] {
  return checkPassword(password, rules, { email }).map((f) => f.code);
}

describe('validatePasswordRules', () => {
  describe('when the document is empty', () => {
    it('fills every field with its default', () => {
      const result = validatePasswordRules({});
      expect(result).to.deep.equal({ ok: true, rules: DEFAULT_PASSWORD_RULES });
    });
  });

  describe('when every field is valid', () => {
    it('returns the rules as given', () => {
      const rules = {
        minLength: 64,
        maxLength: 64,
        requireLetters: true,
        requireDigits: true,
        requireSymbols: true,
        requireMixedCase: true,
      };
      expect(validatePasswordRules(rules)).to.deep.equal({ ok: true, rules });
    });
  });

  describe('when minLength is out of range or not a whole number', () => {
    for (const minLength of [7, 65, 8.5, '8', null]) {
      it(`names minLength for ${JSON.stringify(minLength)}`, () => {
        const result = validatePasswordRules({ minLength });
        expect(result.ok).to.equal(false);
        if (result.ok) return;
        expect(Object.keys(result.errors)).to.deep.equal(['minLength']);
        expect(result.errors.minLength).to.include('minLength');
      });
    }
  });

  describe('when maxLength is out of range', () => {
    for (const maxLength of [63, 1025, Number.POSITIVE_INFINITY]) {
      it(`names maxLength for ${maxLength}`, () => {
        const result = validatePasswordRules({ maxLength });
        expect(result.ok).to.equal(false);
        if (result.ok) return;
        expect(result.errors).to.have.keys(['maxLength']);
      });
    }
  });

  describe('when a complexity option is not a boolean', () => {
    it('names that option', () => {
      const result = validatePasswordRules({ requireDigits: 'yes' });
      expect(result).to.deep.equal({
        ok: false,
        errors: { requireDigits: 'requireDigits must be true or false' },
      });
    });
  });

  describe('when the document has an unknown field', () => {
    it('names the unknown field', () => {
      const result = validatePasswordRules({ minLenght: 10 });
      expect(result.ok).to.equal(false);
      if (result.ok) return;
      expect(result.errors).to.have.keys(['minLenght']);
    });

    it('reports a field named __proto__ instead of swallowing it', () => {
      const result = validatePasswordRules(JSON.parse('{"__proto__": {}}'));
      expect(result.ok).to.equal(false);
      if (result.ok) return;
      expect(Object.keys(result.errors)).to.deep.equal(['__proto__']);
    });
  });

  describe('when several fields are wrong', () => {
    it('names each of them', () => {
      const result = validatePasswordRules({
        minLength: 3,
        maxLength: 10,
        requireSymbols: 1,
      });
      expect(result.ok).to.equal(false);
      if (result.ok) return;
      expect(result.errors).to.have.keys([
        'minLength',
        'maxLength',
        'requireSymbols',
      ]);
    });
  });

  describe('when the document is not an object', () => {
    for (const input of [null, 'rules', 8, []]) {
      it(`refuses ${JSON.stringify(input)}`, () => {
        expect(validatePasswordRules(input).ok).to.equal(false);
      });
    }
  });
});

describe('checkPassword', () => {
  describe('when the password meets the default rules', () => {
    it('returns no failures', () => {
      expect(
        checkPassword('quiet harbour lantern', DEFAULT_PASSWORD_RULES, {
          email,
        }),
      ).to.deep.equal([]);
    });
  });

  describe('length', () => {
    it('refuses a password one character below the minimum', () => {
      expect(failedCodes('kx7-qw2', DEFAULT_PASSWORD_RULES)).to.deep.equal([
        'too_short',
      ]);
    });

    it('accepts a password of exactly the minimum length', () => {
      expect(failedCodes('kx7-qw2z', DEFAULT_PASSWORD_RULES)).to.deep.equal([]);
    });

    it('follows a raised minimum and names it in the message', () => {
      const failures = checkPassword(
        'kx7-qw2z-vb4',
        rulesWith({ minLength: 13 }),
        {
          email,
        },
      );
      expect(failures).to.deep.equal([
        {
          code: 'too_short',
          message: 'The password must be at least 13 characters long.',
        },
      ]);
    });

    it('accepts a password of exactly the maximum length', () => {
      const password = 'kx7-'.repeat(32);
      expect(failedCodes(password, DEFAULT_PASSWORD_RULES)).to.deep.equal([]);
    });

    it('refuses a password one character above the maximum', () => {
      const failures = checkPassword(
        'kx7-'.repeat(32) + 'z',
        DEFAULT_PASSWORD_RULES,
        { email },
      );
      expect(failures).to.deep.equal([
        {
          code: 'too_long',
          message: 'The password must be at most 128 characters long.',
        },
      ]);
    });
  });

  describe('length of non-ASCII passwords', () => {
    it('counts an emoji as one character, not two UTF-16 units', () => {
      expect(failedCodes('😀'.repeat(7), DEFAULT_PASSWORD_RULES)).to.include(
        'too_short',
      );
      expect(failedCodes('😀'.repeat(8), DEFAULT_PASSWORD_RULES)).to.deep.equal(
        [],
      );
    });

    it('counts a decomposed accent as one character after normalisation', () => {
      // Eight code points as typed, four after NFC.
      const decomposed = 'e\u0301'.repeat(4);
      expect(failedCodes(decomposed, DEFAULT_PASSWORD_RULES)).to.include(
        'too_short',
      );
    });
  });

  describe('requireLetters', () => {
    it('is not enforced when off', () => {
      expect(
        failedCodes('4829-1735-6604', DEFAULT_PASSWORD_RULES),
      ).to.deep.equal([]);
    });

    it('refuses a password without a letter when on', () => {
      expect(
        failedCodes('4829-1735-6604', rulesWith({ requireLetters: true })),
      ).to.deep.equal(['needs_letter']);
    });

    it('accepts letters of any script when on', () => {
      const rules = rulesWith({ requireLetters: true });
      expect(failedCodes('4829-1735-ж', rules)).to.deep.equal([]);
      expect(failedCodes('plum-1735-6604', rules)).to.deep.equal([]);
    });
  });

  describe('requireDigits', () => {
    it('is not enforced when off', () => {
      expect(
        failedCodes('quiet harbour lantern', DEFAULT_PASSWORD_RULES),
      ).to.deep.equal([]);
    });

    it('refuses a password without a digit when on', () => {
      const failures = checkPassword(
        'quiet harbour lantern',
        rulesWith({ requireDigits: true }),
        { email },
      );
      expect(failures).to.deep.equal([
        { code: 'needs_digit', message: 'The password must contain a digit.' },
      ]);
    });

    it('accepts a digit when on', () => {
      const rules = rulesWith({ requireDigits: true });
      expect(failedCodes('quiet harbour 7 lantern', rules)).to.deep.equal([]);
    });
  });

  describe('requireSymbols', () => {
    it('is not enforced when off', () => {
      expect(
        failedCodes('quietharbourlantern', DEFAULT_PASSWORD_RULES),
      ).to.deep.equal([]);
    });

    it('refuses letters, digits and spaces only when on', () => {
      const rules = rulesWith({ requireSymbols: true });
      expect(failedCodes('quiet harbour 7 lantern', rules)).to.deep.equal([
        'needs_symbol',
      ]);
    });

    it('accepts ASCII and non-ASCII punctuation when on', () => {
      const rules = rulesWith({ requireSymbols: true });
      expect(failedCodes('quiet-harbour', rules)).to.deep.equal([]);
      expect(failedCodes('¿quiet harbour', rules)).to.deep.equal([]);
    });
  });

  describe('requireMixedCase', () => {
    it('is not enforced when off', () => {
      expect(
        failedCodes('quiet-harbour', DEFAULT_PASSWORD_RULES),
      ).to.deep.equal([]);
    });

    it('refuses a password in one case when on', () => {
      const rules = rulesWith({ requireMixedCase: true });
      expect(failedCodes('quiet-harbour', rules)).to.deep.equal([
        'needs_mixed_case',
      ]);
      expect(failedCodes('QUIET-HARBOUR', rules)).to.deep.equal([
        'needs_mixed_case',
      ]);
    });

    it('accepts upper and lower case of any cased script when on', () => {
      const rules = rulesWith({ requireMixedCase: true });
      expect(failedCodes('Quiet-harbour', rules)).to.deep.equal([]);
      expect(failedCodes('Тихая-гавань', rules)).to.deep.equal([]);
    });
  });

  describe("when the password contains the email's local part", () => {
    it('refuses it whatever the case', () => {
      const failures = checkPassword(
        'my-ANNA.Lee-lantern',
        DEFAULT_PASSWORD_RULES,
        {
          email,
        },
      );
      expect(failures).to.deep.equal([
        {
          code: 'contains_email',
          message:
            'The password must not contain the part of your email address before the @.',
        },
      ]);
    });

    it('ignores a local part shorter than three characters', () => {
      const failures = checkPassword(
        'al-quiet-harbour',
        DEFAULT_PASSWORD_RULES,
        {
          email: 'al@example.com',
        },
      );
      expect(failures).to.deep.equal([]);
    });

    it('refuses a local part of exactly three characters', () => {
      const failures = checkPassword(
        'bob-quiet-harbour',
        DEFAULT_PASSWORD_RULES,
        {
          email: 'Bob@example.com',
        },
      );
      expect(failures.map((f) => f.code)).to.deep.equal(['contains_email']);
    });

    it('does not refuse the domain alone', () => {
      expect(
        failedCodes('example.com-lantern', DEFAULT_PASSWORD_RULES),
      ).to.deep.equal([]);
    });
  });

  describe('when the password is on the common-password list', () => {
    it('refuses it and says why', () => {
      const failures = checkPassword('iloveyou', DEFAULT_PASSWORD_RULES, {
        email,
      });
      expect(failures).to.deep.equal([
        {
          code: 'common_password',
          message:
            'The password is too common; choose one that is harder to guess.',
        },
      ]);
    });

    it('refuses it in another case', () => {
      expect(failedCodes('PassWord1', DEFAULT_PASSWORD_RULES)).to.deep.equal([
        'common_password',
      ]);
    });
  });

  describe('when several rules fail', () => {
    it('lists each failed rule once, in page order', () => {
      const rules = rulesWith({
        requireLetters: true,
        requireDigits: true,
        requireSymbols: true,
        requireMixedCase: true,
      });
      expect(failedCodes('qzx', rules)).to.deep.equal([
        'too_short',
        'needs_digit',
        'needs_symbol',
        'needs_mixed_case',
      ]);
    });
  });
});

describe('PASSWORD_RULE_GUIDANCE', () => {
  it('has one line citing NIST SP 800-63B for every setting', () => {
    expect(PASSWORD_RULE_GUIDANCE).to.have.keys(
      Object.keys(DEFAULT_PASSWORD_RULES),
    );
    for (const note of Object.values(PASSWORD_RULE_GUIDANCE)) {
      expect(note).to.include('NIST SP 800-63B');
      expect(note).not.to.include('\n');
    }
  });
});
