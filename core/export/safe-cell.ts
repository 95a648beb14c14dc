/** The most characters (UTF-16 code units) a spreadsheet cell may hold. */
export const MAX_CELL_LENGTH = 32_767;

// Characters XML 1.0 cannot carry even as character references: C0 controls
// other than tab, LF and CR, the non-characters U+FFFE and U+FFFF, and
// surrogates that are not part of a pair. A file holding one is rejected by
// Excel as corrupt, so they are dropped rather than escaped.
const FORBIDDEN_IN_XML = new RegExp(
  [
    '[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]',
    // A high surrogate not followed by a low one, then the reverse.
    '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])',
    '(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]',
  ].join('|'),
  'g',
);

// Leading characters that make Excel, LibreOffice or Google Sheets read a
// cell as a formula (or as a DDE call) when it is typed, pasted or imported.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Makes text safe to place in an exported spreadsheet cell.
 *
 * - Text that a spreadsheet could evaluate (starting with `=`, `+`, `-`,
 *   `@`, tab or carriage return) gets a leading single quote. The quote is
 *   part of the stored text, not Excel's hidden "quote prefix" style: it
 *   survives copying, re-saving as CSV and readers that ignore styles, and
 *   a reader can still see what the original text was.
 * - Characters XML 1.0 forbids are removed.
 * - Text longer than {@link MAX_CELL_LENGTH} is cut and ends with a visible
 *   marker `… [truncated, N characters omitted]`, so the result never
 *   exceeds the limit and nobody mistakes it for the whole value.
 */
export function safeCell(text: string): string {
  const clean = text.replace(FORBIDDEN_IN_XML, '');

  const neutral = FORMULA_START.test(clean) ? `'${clean}` : clean;

  if (neutral.length <= MAX_CELL_LENGTH) return neutral;

  return truncate(neutral);
}

function truncate(text: string): string {
  // The marker's own length depends on how much is cut, which depends on the
  // marker's length; sizing it for the largest possible count keeps one pass
  // correct at the cost of at most a few characters kept.
  const widest = marker(text.length).length;
  let keep = MAX_CELL_LENGTH - widest;

  // Never end on the first half of a surrogate pair: a lone surrogate is
  // exactly what the cleaning step removed.
  const last = text.charCodeAt(keep - 1);
  if (last >= 0xd800 && last <= 0xdbff) keep -= 1;

  return text.slice(0, keep) + marker(text.length - keep);
}

function marker(omitted: number): string {
  return `… [truncated, ${omitted} characters omitted]`;
}
