import type { Worksheet } from 'exceljs';

import type { CellValue } from './cell-value.js';

/** Number format for Date cells: sortable, with seconds, no time zone. */
export const DATE_CELL_FORMAT = 'yyyy-mm-dd hh:mm:ss';

/**
 * Appends one row of ready cell values to a streaming worksheet and commits
 * it, which hands its XML to the zip. Date cells get
 * {@link DATE_CELL_FORMAT}; exceljs would otherwise show the date without
 * its time (and the format only reaches the file when the workbook was
 * created with `useStyles`).
 */
export function appendRow(sheet: Worksheet, values: CellValue[]): void {
  const row = sheet.addRow(values);

  values.forEach((value, index) => {
    if (value instanceof Date) row.getCell(index + 1).numFmt = DATE_CELL_FORMAT;
  });

  row.commit();
}
