import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { Writable } from 'node:stream';

import {
  SHEET_BACKLOG_LIMIT,
  watchSheetBacklog,
} from '../../../core/export/sheet-backlog.js';
import { auditRow } from './export-fixtures.js';

// These tests pin down the exceljs internals the XLSX writer relies on, so
// an exceljs upgrade that moves them fails here first.

const ROW_BYTES_BATCH = 64 * 1024; // exceljs hands the zip 64 KiB at a time

function rowValues(): unknown[] {
  return Object.values(auditRow()).map((value) =>
    typeof value === 'object' ? JSON.stringify(value) : value,
  );
}

function sheetWritingTo(output: Writable): {
  workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  sheet: ExcelJS.Worksheet;
} {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output });
  return { workbook, sheet: workbook.addWorksheet('Events') };
}

describe('watchSheetBacklog', () => {
  it('sees the sheet XML pile up when rows do not wait', () => {
    // An output that never finishes a write stops the whole zip chain.
    const stuck = new Writable({ write: () => undefined });
    const { sheet } = sheetWritingTo(stuck);
    const backlog = watchSheetBacklog(sheet);

    for (let index = 0; index < 20_000; index += 1) {
      sheet.addRow(rowValues()).commit();
    }

    expect(backlog.bytes()).to.be.above(4 * SHEET_BACKLOG_LIMIT);
    expect(backlog.room()).to.be.instanceOf(Promise);
  });

  it('keeps the backlog near the limit when rows wait for room', async () => {
    // A slow disk: each chunk completes on a later turn of the event loop.
    const slow = new Writable({
      write: (_chunk, _encoding, done) => setTimeout(done, 1),
    });
    const { workbook, sheet } = sheetWritingTo(slow);
    const backlog = watchSheetBacklog(sheet);
    let largest = 0;
    let waits = 0;

    for (let index = 0; index < 20_000; index += 1) {
      sheet.addRow(rowValues()).commit();
      largest = Math.max(largest, backlog.bytes());

      const room = backlog.room();
      if (room) {
        waits += 1;
        await room;
      }
    }
    sheet.commit();
    await workbook.commit();

    expect(waits).to.be.above(0);
    expect(largest).to.be.at.most(SHEET_BACKLOG_LIMIT + ROW_BYTES_BATCH);
  });

  it('throws when the worksheet is not a streaming exceljs worksheet', () => {
    const inMemory = new ExcelJS.Workbook().addWorksheet('Events');

    expect(() => watchSheetBacklog(inMemory)).to.throw(
      /exceljs internals changed/,
    );
  });
});
