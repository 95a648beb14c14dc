import { expect } from 'chai';
import { stat } from 'node:fs/promises';

import { MAX_CELL_LENGTH } from '../../../core/export/safe-cell.js';
import { writeXlsx } from '../../../core/export/xlsx-stream-writer.js';
import {
  auditColumns,
  auditRow,
  scratchDirectory,
  sha256Of,
} from './export-fixtures.js';
import {
  findOpenpyxl,
  type ReadCell,
  type ReadSheet,
  type XlsxReader,
} from './openpyxl-reader.js';

const values = (row: ReadCell[] | undefined): unknown[] =>
  (row ?? []).map((cell) => cell.v);

const dataRows = (sheet: ReadSheet | undefined): ReadCell[][] =>
  (sheet?.rows ?? []).slice(1);

describe('writeXlsx read back by openpyxl', function () {
  let read: XlsxReader;
  let scratch: Awaited<ReturnType<typeof scratchDirectory>>;
  let fileNumber = 0;
  const nextFile = (): string => scratch.path(`export-${++fileNumber}.xlsx`);

  before(async function () {
    const reader = findOpenpyxl();
    if (!reader) {
      if (process.env.CI) {
        throw new Error('CI needs python3 with openpyxl to check XLSX files.');
      }
      console.log('Skipping XLSX read-back: no python3 with openpyxl here.');
      this.skip();
    }
    read = reader;
    scratch = await scratchDirectory();
  });

  after(async () => scratch?.remove());

  it('writes the header row and each row in column order', async () => {
    const filePath = nextFile();
    const rows = [auditRow(), auditRow()];

    await writeXlsx({
      filePath,
      columns: auditColumns,
      rows,
      sheetName: 'Events',
    });

    const [events] = await read(filePath);
    expect(events?.name).to.equal('Events');
    expect(values(events?.rows[0])).to.deep.equal(
      auditColumns.map(({ header }) => header),
    );
    rows.forEach((row, index) => {
      const cells = dataRows(events)[index];
      expect(values(cells)).to.deep.equal([
        (row.occurredAt as Date).toISOString(),
        row.actor,
        row.event,
        row.target,
        row.attempts,
        JSON.stringify(row.details),
      ]);
      expect(cells?.[4]?.t).to.equal('n');
    });
  });

  it('writes formula-looking text as plain text, never as a formula', async () => {
    const filePath = nextFile();
    const targets = ['=1+1', '+1+1', '-1+1', '@SUM(A1)', '\t=1', '\r=1'];
    const rows = targets.map((target) => auditRow({ target }));
    rows.push(auditRow({ target: { formula: 'HYPERLINK("http://x")' } }));

    await writeXlsx({
      filePath,
      columns: auditColumns,
      rows,
      sheetName: 'Events',
    });

    const cells = dataRows((await read(filePath))[0]).map((row) => row[3]);
    expect(cells.map((cell) => cell?.t)).to.deep.equal(
      Array(rows.length).fill('s'),
    );
    expect(cells.map((cell) => cell?.v)).to.deep.equal([
      // XML parsers read a raw carriage return as a line feed (XML 1.0
      // section 2.11); the quote in front is what matters.
      ...targets.map((target) => `'${target.replace('\r', '\n')}`),
      '{"formula":"HYPERLINK(\\"http://x\\")"}',
    ]);
  });

  it('removes forbidden characters and cuts long text visibly', async () => {
    const filePath = nextFile();
    const rows = [
      auditRow({
        event: 'viewed\u0000\u0007\uFFFF',
        details: 'd'.repeat(40_000),
      }),
    ];

    await writeXlsx({
      filePath,
      columns: auditColumns,
      rows,
      sheetName: 'Events',
    });

    const [cells] = dataRows((await read(filePath))[0]);
    expect(cells?.[2]?.v).to.equal('viewed');
    const details = String(cells?.[5]?.v);
    expect(details).to.have.lengthOf.at.most(MAX_CELL_LENGTH);
    expect(details).to.match(/… \[truncated, \d+ characters omitted\]$/);
  });

  it('puts the About sheet first, with its title and lines', async () => {
    const filePath = nextFile();
    const requester = auditRow().actor as string;

    await writeXlsx({
      filePath,
      columns: auditColumns,
      rows: [auditRow()],
      sheetName: 'Events',
      aboutSheet: {
        title: 'Audit log export',
        lines: [
          ['Requested by', requester],
          ['Filter', '=activity:download'],
          ['Rows', 1],
        ],
      },
    });

    const [about, events] = await read(filePath);
    expect(about?.name).to.equal('About this export');
    expect(about?.rows.map(values)).to.deep.equal([
      ['Audit log export', null],
      ['Requested by', requester],
      ['Filter', "'=activity:download"],
      ['Rows', 1],
    ]);
    expect(events?.name).to.equal('Events');
  });

  describe('when the rows do not fit on one sheet', () => {
    it('continues on numbered sheets, each with a header, losing nothing', async () => {
      const filePath = nextFile();
      const rows = Array.from({ length: 12 }, () => auditRow());

      const result = await writeXlsx({
        filePath,
        columns: auditColumns,
        rows,
        sheetName: 'Events',
        maxRowsPerSheet: 5,
      });

      const sheets = await read(filePath);
      expect(sheets.map(({ name }) => name)).to.deep.equal([
        'Events',
        'Events 2',
        'Events 3',
      ]);
      for (const sheet of sheets) {
        expect(sheet.rows[0]?.[0]?.v).to.equal('Time');
      }
      expect(sheets.map((sheet) => dataRows(sheet).length)).to.deep.equal([
        5, 5, 2,
      ]);
      const actors = sheets.flatMap((sheet) =>
        dataRows(sheet).map((row) => row[1]?.v),
      );
      expect(actors).to.deep.equal(rows.map((row) => row.actor));
      expect(result).to.include({ rowCount: 12, sheetCount: 3 });
    });

    it('does not add an empty sheet after an exact multiple', async () => {
      const filePath = nextFile();
      const rows = Array.from({ length: 10 }, () => auditRow());

      const result = await writeXlsx({
        filePath,
        columns: auditColumns,
        rows,
        sheetName: 'Events',
        maxRowsPerSheet: 5,
      });

      expect((await read(filePath)).map(({ name }) => name)).to.deep.equal([
        'Events',
        'Events 2',
      ]);
      expect(result).to.include({ rowCount: 10, sheetCount: 2 });
    });
  });

  it('writes a header-only sheet when there are no rows', async () => {
    const filePath = nextFile();

    const result = await writeXlsx({
      filePath,
      columns: auditColumns,
      rows: [],
      sheetName: 'Events',
    });

    const [events] = await read(filePath);
    expect(events?.rows).to.have.lengthOf(1);
    expect(result).to.include({ rowCount: 0, sheetCount: 1 });
  });

  it('writes Date values as spreadsheet dates when asked', async () => {
    const filePath = nextFile();
    const occurredAt = new Date(Date.UTC(2024, 1, 29, 23, 59, 58));

    await writeXlsx({
      filePath,
      columns: auditColumns,
      rows: [auditRow({ occurredAt })],
      sheetName: 'Events',
      dates: 'date',
    });

    const [cells] = dataRows((await read(filePath))[0]);
    expect(cells?.[0]).to.deep.equal({ v: '2024-02-29T23:59:58', t: 'd' });
  });

  it('returns the SHA-256 and size of the file on disk', async () => {
    const filePath = nextFile();

    const result = await writeXlsx({
      filePath,
      columns: auditColumns,
      rows: [auditRow(), auditRow()],
      sheetName: 'Events',
    });

    expect(result.sha256).to.equal(await sha256Of(filePath));
    expect(result.bytes).to.equal((await stat(filePath)).size);
  });
});
