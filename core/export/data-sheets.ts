import type { stream, Worksheet } from 'exceljs';

import { appendRow } from './append-row.js';
import { toCellValue, type DateMode } from './cell-value.js';
import type { ExportColumn, ExportRows } from './export-column.js';
import { safeCell } from './safe-cell.js';
import { watchSheetBacklog } from './sheet-backlog.js';
import { dataSheetName } from './sheet-names.js';

type WorkbookWriter = stream.xlsx.WorkbookWriter;

/** The rows to write and how, all options already checked. */
export interface DataSheetsInput {
  sheetName: string;
  columns: readonly ExportColumn[];
  rows: ExportRows;
  maxRowsPerSheet: number;
  dates: DateMode;
  /** Rejects when the archive or the file fails; every wait races it. */
  broken: Promise<never>;
}

/**
 * Writes the rows into `Events`, `Events 2`, ... (each with its header row,
 * at most `maxRowsPerSheet` data rows) and commits the last sheet. After
 * each row it waits while the sheet's XML is more than the backlog limit
 * ahead of the zip, which is what keeps memory flat.
 */
export async function writeDataSheets(
  workbook: WorkbookWriter,
  input: DataSheetsInput,
): Promise<{ rowCount: number; sheetCount: number }> {
  const { sheetName, columns, rows, maxRowsPerSheet, dates, broken } = input;
  let sheetCount = 1;
  let sheet = openDataSheet(workbook, sheetName, columns);
  let backlog = watchSheetBacklog(sheet);
  let rowsInSheet = 0;
  let rowCount = 0;

  for await (const record of rows) {
    // Roll over only when another row arrives, so an exact multiple of the
    // limit does not end with an empty sheet.
    if (rowsInSheet === maxRowsPerSheet) {
      // Committed before the next sheet starts: archiver reads one at a time.
      sheet.commit();
      sheetCount += 1;
      sheet = openDataSheet(
        workbook,
        dataSheetName(sheetName, sheetCount),
        columns,
      );
      backlog = watchSheetBacklog(sheet);
      rowsInSheet = 0;
    }

    appendRow(
      sheet,
      columns.map(({ key }) => toCellValue(record[key], dates)),
    );
    rowsInSheet += 1;
    rowCount += 1;

    const room = backlog.room();
    if (room) await Promise.race([room, broken]);
  }

  sheet.commit();
  return { rowCount, sheetCount };
}

function openDataSheet(
  workbook: WorkbookWriter,
  name: string,
  columns: readonly ExportColumn[],
): Worksheet {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = columns.map(({ width }) => ({ width }));

  appendRow(
    sheet,
    columns.map(({ header }) => safeCell(header)),
  );
  return sheet;
}
