import { safeCell } from './safe-cell.js';

/** A value an export writes into one cell. */
export type CellValue = string | number | boolean | Date | null;

/**
 * How Date values are written:
 * - `'text'` (the default everywhere): ISO 8601 in UTC, e.g.
 *   `2024-05-01T09:30:00.000Z`. Callers that want the company's time zone
 *   pass a pre-formatted string instead of a Date.
 * - `'date'`: a real spreadsheet date (XLSX only; CSV always writes text).
 */
export type DateMode = 'text' | 'date';

/**
 * Turns one field of a row into what an export writes into its cell.
 *
 * Every piece of text, including JSON made from objects, passes through
 * {@link safeCell}. Objects are never handed to the spreadsheet library as
 * they are: exceljs reads `{ formula }`, `{ hyperlink }` or `{ richText }`
 * objects as instructions, and audit details come from users.
 */
export function toCellValue(value: unknown, dates: DateMode): CellValue {
  if (value === null || value === undefined) return null;

  if (typeof value === 'string') return safeCell(value);

  if (typeof value === 'number') {
    // NaN and Infinity have no cell form; writing them as text keeps the
    // row honest instead of silently blank.
    return Number.isFinite(value) ? value : safeCell(String(value));
  }

  if (typeof value === 'boolean') return value;

  if (value instanceof Date) return dateCell(value, dates);

  if (typeof value === 'object') return safeCell(JSON.stringify(value));

  // bigint keeps all its digits as text; symbols and functions do not occur
  // in rows from the database but must not throw either.
  return safeCell(String(value));
}

/**
 * Turns one field of a row into the text of a CSV cell, with the same
 * neutralising rules as {@link toCellValue}. Quoting is the caller's job.
 */
export function toCellText(value: unknown): string {
  const cell = toCellValue(value, 'text');
  if (cell === null) return '';

  return typeof cell === 'string' ? cell : String(cell);
}

function dateCell(value: Date, dates: DateMode): CellValue {
  // An invalid Date has no ISO form (toISOString throws) and no serial
  // number; say so in the cell rather than fail the whole export.
  if (Number.isNaN(value.getTime())) return 'Invalid Date';

  return dates === 'date' ? value : value.toISOString();
}
