/**
 * Brings a password to the one form that is measured, compared and hashed.
 *
 * The same visible password can reach us as different code point sequences:
 * "é" is U+00E9 on one keyboard and "e" + U+0301 on another. Without
 * normalisation a member who set a password on one device could not sign in
 * from the other, which is why NIST SP 800-63B asks verifiers to normalise.
 * We use NFC: it only joins canonically equivalent sequences, so it never
 * merges two passwords that look different (NFKC would also fold full-width
 * letters and ligatures into ASCII). Changing the form changes every hash,
 * so it must come with a new stored-format prefix in password-hash.ts.
 */
export function normalizePassword(password: string): string {
  return password.normalize('NFC');
}

/**
 * Counts the Unicode code points of an already normalised string.
 *
 * NIST SP 800-63B counts each code point as one character. UTF-16 units
 * would count an emoji or a rare CJK character twice, UTF-8 bytes would make
 * non-Latin passwords look two to four times longer than they are, and
 * grapheme clusters depend on the runtime's Unicode tables, so a limit could
 * move between Node.js versions.
 */
export function countCodePoints(text: string): number {
  let count = 0;
  for (const _codePoint of text) count += 1;
  return count;
}
