import type { stream } from 'exceljs';

import { appendRow } from './append-row.js';
import { toCellValue, type DateMode } from './cell-value.js';
import { safeCell } from './safe-cell.js';
import { ABOUT_SHEET_NAME } from './sheet-names.js';

/** The optional first sheet: who asked for the export, which filters, ... */
export interface AboutSheet {
  /** Written alone in the first row, e.g. `Audit log export`. */
  title: string;
  /** One row each: a label in column A and its value in column B. */
  lines: readonly (readonly [label: string, value: unknown])[];
}

/**
 * Writes the "About this export" sheet and commits it at once, so archiver
 * has finished with it before the data sheets start streaming (archiver
 * packs one sheet at a time; an open sheet would hold up every later one).
 */
export function writeAboutSheet(
  workbook: stream.xlsx.WorkbookWriter,
  about: AboutSheet,
  dates: DateMode,
): void {
  const sheet = workbook.addWorksheet(ABOUT_SHEET_NAME);
  sheet.columns = [{ width: 28 }, { width: 80 }];

  appendRow(sheet, [safeCell(about.title)]);
  for (const [label, value] of about.lines) {
    appendRow(sheet, [safeCell(label), toCellValue(value, dates)]);
  }

  sheet.commit();
}
