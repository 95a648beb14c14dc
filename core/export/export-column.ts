/** One column of an export. */
export interface ExportColumn {
  /** Text of the header row. */
  header: string;
  /** Property of each row that fills this column. */
  key: string;
  /** Width in characters (XLSX only); exceljs's default when omitted. */
  width?: number;
}

/**
 * The rows of an export, read one at a time: a database cursor, a generator
 * or an array. Each row is an object keyed by the columns' `key`.
 */
export type ExportRows =
  AsyncIterable<Record<string, unknown>> | Iterable<Record<string, unknown>>;

/** Excel's column limit (XFD). */
export const MAX_COLUMNS = 16_384;

/**
 * Throws a RangeError when `columns` cannot make a sheet: none at all, more
 * than Excel holds, or a width that is not a positive number. Checked before
 * the file is opened, so a bad request leaves nothing behind.
 */
export function checkColumns(columns: readonly ExportColumn[]): void {
  if (columns.length === 0) throw new RangeError('An export needs a column.');

  if (columns.length > MAX_COLUMNS) {
    throw new RangeError(`An export holds at most ${MAX_COLUMNS} columns.`);
  }

  for (const { key, width } of columns) {
    if (width === undefined) continue;
    if (!Number.isFinite(width) || width <= 0) {
      throw new RangeError(`Column "${key}" has an invalid width ${width}.`);
    }
  }
}
