import { createRequire } from 'node:module';
import { normalizePassword } from './normalize-password.js';

/** Below this size the dictionary is not the list we reviewed; refuse it. */
const MINIMUM_ENTRIES = 10_000;

const DICTIONARY_PACKAGE = '@zxcvbn-ts/language-common';

let commonPasswords: ReadonlySet<string> | undefined;

/** Case-insensitive key, so "Password1" and "PASSWORD1" are both refused. */
function toLookupKey(password: string): string {
  return normalizePassword(password).toLowerCase();
}

/**
 * Reads the ranked password list out of the package and checks its shape.
 * A silently empty blocklist would accept every password, so a package
 * update that changes the data fails loudly instead.
 */
function readDictionary(languagePackage: unknown): string[] {
  const dictionary = (languagePackage as { dictionary?: unknown }).dictionary;
  const entries = (dictionary as Record<string, unknown> | undefined)?.[
    'passwords-common'
  ];
  if (
    !Array.isArray(entries) ||
    entries.length < MINIMUM_ENTRIES ||
    !entries.every((entry) => typeof entry === 'string')
  ) {
    throw new Error(
      `${DICTIONARY_PACKAGE} no longer ships a password list of at least ` +
        `${MINIMUM_ENTRIES} entries under dictionary['passwords-common']`,
    );
  }
  return entries as string[];
}

/**
 * Builds the lookup set on first use. The package stores its lists
 * compressed and expands all of them when loaded (about 30 ms), so we load
 * it through require on the first check rather than at import time; most
 * processes, such as the worker, never check a password.
 */
function loadCommonPasswords(): ReadonlySet<string> {
  if (commonPasswords) return commonPasswords;

  const require = createRequire(import.meta.url);
  const entries = readDictionary(require(DICTIONARY_PACKAGE));
  commonPasswords = new Set(entries.map(toLookupKey));
  return commonPasswords;
}

/**
 * Tells whether a password is on the common-password list (the ranked list
 * of leaked passwords that zxcvbn-ts ships), ignoring case and Unicode
 * normalisation differences.
 */
export function isCommonPassword(password: string): boolean {
  return loadCommonPasswords().has(toLookupKey(password));
}

/**
 * Number of distinct entries on the list. Loads the list, so calling it at
 * start-up also moves the loading cost out of the first sign-up.
 */
export function commonPasswordCount(): number {
  return loadCommonPasswords().size;
}
