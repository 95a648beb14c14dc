/** Name of the optional first sheet that describes the export. */
export const ABOUT_SHEET_NAME = 'About this export';

/**
 * Longest base name accepted for data sheets. Excel allows 31 characters;
 * seven are kept for the ` 999999` suffix of overflow sheets so that a name
 * accepted up front cannot become invalid in the middle of an export.
 */
export const MAX_SHEET_BASE_LENGTH = 24;

// Characters Excel refuses in a sheet name.
const FORBIDDEN = /[\\/?*[\]:]/;

/**
 * Throws a RangeError naming the problem when `name` cannot be the base name
 * of the data sheets: empty, too long, a character Excel refuses, a leading
 * or trailing apostrophe, Excel's reserved `History`, or the About sheet's
 * own name.
 */
export function checkSheetName(name: string): void {
  const problem = sheetNameProblem(name);
  if (problem) throw new RangeError(`Sheet name "${name}" ${problem}.`);
}

/**
 * Name of the `index`-th data sheet (1-based): `Events`, `Events 2`,
 * `Events 3`, ...
 */
export function dataSheetName(base: string, index: number): string {
  return index === 1 ? base : `${base} ${index}`;
}

function sheetNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'is empty';

  if (name.length > MAX_SHEET_BASE_LENGTH) {
    return `is longer than ${MAX_SHEET_BASE_LENGTH} characters`;
  }

  if (FORBIDDEN.test(name)) return 'contains one of \\ / ? * [ ] :';

  if (name.startsWith("'") || name.endsWith("'")) {
    return 'starts or ends with an apostrophe';
  }

  const lower = name.toLowerCase();
  if (lower === 'history') return 'is reserved by Excel';

  if (lower === ABOUT_SHEET_NAME.toLowerCase()) {
    return 'is the name of the About sheet';
  }

  return undefined;
}
