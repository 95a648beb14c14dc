import type { FieldErrors } from '../errors.js';
import { isCommonPassword } from './common-passwords.js';
import { countCodePoints, normalizePassword } from './normalize-password.js';

/** A company's password settings, as stored with its login settings. */
export interface PasswordRules {
  /** Fewest characters (code points) a password may have; 8..64, default 8. */
  readonly minLength: number;
  /** Most characters a password may have; 64..1024, default 128. */
  readonly maxLength: number;
  /** Require at least one letter, of any script. Default false. */
  readonly requireLetters: boolean;
  /** Require at least one decimal digit, of any script. Default false. */
  readonly requireDigits: boolean;
  /** Require a character that is not a letter, digit or space. Default false. */
  readonly requireSymbols: boolean;
  /** Require an upper-case and a lower-case letter. Default false. */
  readonly requireMixedCase: boolean;
}

/** The settings of a company that has not changed them. */
export const DEFAULT_PASSWORD_RULES: PasswordRules = Object.freeze({
  minLength: 8,
  maxLength: 128,
  requireLetters: false,
  requireDigits: false,
  requireSymbols: false,
  requireMixedCase: false,
});

// NIST SP 800-63B: at least 8 characters, and allow at least 64. The upper
// cap on maxLength is ours: it keeps a typo such as 1e9 out of the settings.
const LENGTH_BOUNDS = {
  minLength: { min: 8, max: 64 },
  maxLength: { min: 64, max: 1024 },
} as const;

const FLAGS = [
  'requireLetters',
  'requireDigits',
  'requireSymbols',
  'requireMixedCase',
] as const;

/** The outcome of validatePasswordRules. */
export type PasswordRulesValidation =
  { ok: true; rules: PasswordRules } | { ok: false; errors: FieldErrors };

/**
 * Checks a password settings document, filling absent fields with their
 * defaults so settings saved before a field existed stay valid. Errors are
 * keyed by field name, ready for validationError().
 */
export function validatePasswordRules(input: unknown): PasswordRulesValidation {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      ok: false,
      errors: { passwordRules: 'passwordRules must be an object' },
    };
  }

  const source = input as Record<string, unknown>;
  const rules: Record<string, number | boolean> = {
    ...DEFAULT_PASSWORD_RULES,
  };
  // Collected as pairs: a field named __proto__ must become an error entry,
  // not the prototype of the errors object.
  const errors: [string, string][] = [];

  for (const field of Object.keys(source)) {
    if (!Object.hasOwn(DEFAULT_PASSWORD_RULES, field)) {
      errors.push([field, `${field} is not a password setting`]);
    }
  }

  for (const [field, { min, max }] of Object.entries(LENGTH_BOUNDS)) {
    const value = source[field];
    if (value === undefined) continue;
    const inRange =
      typeof value === 'number' &&
      Number.isInteger(value) &&
      value >= min &&
      value <= max;
    if (inRange) {
      rules[field] = value;
    } else {
      errors.push([
        field,
        `${field} must be a whole number from ${min} to ${max}`,
      ]);
    }
  }

  for (const field of FLAGS) {
    const value = source[field];
    if (value === undefined) continue;
    if (typeof value === 'boolean') {
      rules[field] = value;
    } else {
      errors.push([field, `${field} must be true or false`]);
    }
  }

  if (errors.length > 0) {
    return { ok: false, errors: Object.fromEntries(errors) };
  }
  return { ok: true, rules: rules as unknown as PasswordRules };
}

/**
 * What NIST SP 800-63B recommends for each setting, one line each, shown
 * next to the setting on the login settings page.
 */
export const PASSWORD_RULE_GUIDANCE: Readonly<
  Record<keyof PasswordRules, string>
> = Object.freeze({
  minLength:
    'NIST SP 800-63B: require at least 8 characters (15 when the password is the only sign-in factor); length is what makes a password strong.',
  maxLength:
    'NIST SP 800-63B: allow at least 64 characters, so members can use passphrases and password managers.',
  requireLetters:
    'NIST SP 800-63B says not to impose composition rules such as this one; they give predictable passwords, not stronger ones.',
  requireDigits:
    'NIST SP 800-63B says not to require digits; people meet the rule with a predictable "1" at the end.',
  requireSymbols:
    'NIST SP 800-63B says not to require symbols; people meet the rule with a predictable "!" at the end.',
  requireMixedCase:
    'NIST SP 800-63B says not to require mixed case; people meet the rule by capitalising the first letter.',
});

/** Stable codes of the rules a password can fail, for APIs and tests. */
export type PasswordFailureCode =
  | 'too_short'
  | 'too_long'
  | 'needs_letter'
  | 'needs_digit'
  | 'needs_symbol'
  | 'needs_mixed_case'
  | 'contains_email'
  | 'common_password';

/** One rule a password failed, with the sentence to show the member. */
export interface PasswordFailure {
  readonly code: PasswordFailureCode;
  readonly message: string;
}

// A symbol is anything but a letter, a combining mark, a digit or a space,
// so punctuation from any keyboard layout counts.
const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;
const SYMBOL = /[^\p{L}\p{M}\p{N}\s]/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;

/** Local parts shorter than this match too many passwords by accident. */
const MINIMUM_LOCAL_PART = 3;

function emailLocalPart(email: string): string {
  const normalized = normalizePassword(email.trim()).toLowerCase();
  const at = normalized.lastIndexOf('@');
  return at === -1 ? normalized : normalized.slice(0, at);
}

function containsEmailLocalPart(password: string, email: string): boolean {
  const localPart = emailLocalPart(email);
  if (countCodePoints(localPart) < MINIMUM_LOCAL_PART) return false;
  return password.toLowerCase().includes(localPart);
}

/**
 * Checks a new password against a company's rules and the rules that are
 * always on (no part of the member's email address before the @, nothing
 * from the common-password list). Returns every failed rule, in the order
 * they are listed on the page; an empty list means the password is accepted.
 */
export function checkPassword(
  password: string,
  rules: PasswordRules,
  context: { email: string },
): PasswordFailure[] {
  const normalized = normalizePassword(password);
  const length = countCodePoints(normalized);
  const failures: PasswordFailure[] = [];
  const fail = (code: PasswordFailureCode, message: string) =>
    failures.push({ code, message });

  if (length < rules.minLength) {
    fail(
      'too_short',
      `The password must be at least ${rules.minLength} characters long.`,
    );
  }
  if (length > rules.maxLength) {
    fail(
      'too_long',
      `The password must be at most ${rules.maxLength} characters long.`,
    );
  }
  if (rules.requireLetters && !LETTER.test(normalized)) {
    fail('needs_letter', 'The password must contain a letter.');
  }
  if (rules.requireDigits && !DIGIT.test(normalized)) {
    fail('needs_digit', 'The password must contain a digit.');
  }
  if (rules.requireSymbols && !SYMBOL.test(normalized)) {
    fail('needs_symbol', 'The password must contain a symbol, such as ! or #.');
  }
  if (
    rules.requireMixedCase &&
    !(UPPER.test(normalized) && LOWER.test(normalized))
  ) {
    fail(
      'needs_mixed_case',
      'The password must contain both upper-case and lower-case letters.',
    );
  }
  if (containsEmailLocalPart(normalized, context.email)) {
    fail(
      'contains_email',
      'The password must not contain the part of your email address before the @.',
    );
  }
  if (isCommonPassword(normalized)) {
    fail(
      'common_password',
      'The password is too common; choose one that is harder to guess.',
    );
  }

  return failures;
}
