import ExcelJS from 'exceljs';

import { writeAboutSheet, type AboutSheet } from './about-sheet.js';
import type { DateMode } from './cell-value.js';
import { writeDataSheets } from './data-sheets.js';
import {
  checkColumns,
  type ExportColumn,
  type ExportRows,
} from './export-column.js';
import { openFileSink, type WrittenFile } from './file-sink.js';
import { checkSheetName } from './sheet-names.js';
import { abortArchive, whenWorkbookBreaks } from './workbook-failure.js';

/**
 * Data rows per sheet at most: Excel's 1,048,576 rows minus the header row
 * that every data sheet repeats.
 */
export const MAX_ROWS_PER_SHEET = 1_048_575;

/** What {@link writeXlsx} needs. */
export interface WriteXlsxOptions {
  /** The file to create; an existing file is replaced. */
  filePath: string;
  columns: readonly ExportColumn[];
  /** Read one at a time; the next row is only asked for when there is room. */
  rows: ExportRows;
  /** Base name of the data sheets (`Events`, then `Events 2`, ...). */
  sheetName: string;
  /** When given, written as the first sheet, "About this export". */
  aboutSheet?: AboutSheet;
  /**
   * Data rows per sheet, not counting the header row each sheet starts
   * with. Default and maximum {@link MAX_ROWS_PER_SHEET}.
   */
  maxRowsPerSheet?: number;
  /** How Date values are written; default `'text'` (see {@link DateMode}). */
  dates?: DateMode;
}

/** What {@link writeXlsx} wrote. */
export interface XlsxExportResult extends WrittenFile {
  /** Data rows written, headers not counted. */
  rowCount: number;
  /** Data sheets written (at least one), the About sheet not counted. */
  sheetCount: number;
}

/**
 * Streams rows into an XLSX file with bounded memory: after each row it
 * waits whenever the sheet's XML is further ahead of the compressor than
 * the backlog limit, so a slow disk slows the row source (a database
 * cursor) instead of filling the heap. A full sheet continues on the next
 * one with its own header row. Every cell passes through `safeCell`.
 *
 * On any failure, including one thrown by `rows`, the partial file is
 * deleted and the error is rethrown.
 */
export async function writeXlsx(
  options: WriteXlsxOptions,
): Promise<XlsxExportResult> {
  const maxRowsPerSheet = options.maxRowsPerSheet ?? MAX_ROWS_PER_SHEET;
  checkOptions(options, maxRowsPerSheet);
  const dates = options.dates ?? 'text';

  const sink = openFileSink(options.filePath);
  let workbook: ExcelJS.stream.xlsx.WorkbookWriter | undefined;

  try {
    workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: sink.input,
      // Styles only carry the date format; without dates they are skipped,
      // which saves a style lookup per cell.
      useStyles: dates === 'date',
      // Shared strings would keep every distinct text in memory until the
      // workbook is committed: the very growth this writer avoids.
      useSharedStrings: false,
    });
    const broken = whenWorkbookBreaks(workbook, sink.done);

    if (options.aboutSheet) {
      writeAboutSheet(workbook, options.aboutSheet, dates);
    }

    const counts = await writeDataSheets(workbook, {
      ...options,
      maxRowsPerSheet,
      dates,
      broken,
    });

    await Promise.race([workbook.commit(), broken]);
    return { ...counts, ...(await sink.done) };
  } catch (error) {
    abortArchive(workbook);
    await sink.discard();
    throw error;
  }
}

function checkOptions(
  options: WriteXlsxOptions,
  maxRowsPerSheet: number,
): void {
  checkColumns(options.columns);
  checkSheetName(options.sheetName);

  const valid =
    Number.isInteger(maxRowsPerSheet) &&
    maxRowsPerSheet >= 1 &&
    maxRowsPerSheet <= MAX_ROWS_PER_SHEET;
  if (!valid) {
    throw new RangeError(
      `maxRowsPerSheet must be a whole number from 1 to ` +
        `${MAX_ROWS_PER_SHEET}, got ${maxRowsPerSheet}.`,
    );
  }
}
