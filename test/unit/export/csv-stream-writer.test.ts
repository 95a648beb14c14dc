import { expect } from 'chai';
import { access, readFile, stat } from 'node:fs/promises';

import { writeCsv } from '../../../core/export/csv-stream-writer.js';
import { auditRows, scratchDirectory, sha256Of } from './export-fixtures.js';

const columns = [
  { header: 'Actor', key: 'actor' },
  { header: 'Details', key: 'details' },
];

describe('writeCsv', () => {
  let scratch: Awaited<ReturnType<typeof scratchDirectory>>;
  let fileNumber = 0;
  const nextFile = (): string => scratch.path(`export-${++fileNumber}.csv`);

  before(async () => {
    scratch = await scratchDirectory();
  });

  after(async () => scratch.remove());

  it('starts with a byte order mark and ends every line with CRLF', async () => {
    const filePath = nextFile();

    await writeCsv({
      filePath,
      columns,
      rows: [{ actor: 'ann', details: 'x' }],
    });

    expect(await readFile(filePath, 'utf8')).to.equal(
      '\uFEFFActor,Details\r\nann,x\r\n',
    );
  });

  it('quotes fields with commas, quotes and line breaks', async () => {
    const filePath = nextFile();
    const rows = [
      { actor: 'Doe, Jane', details: 'said "hi"' },
      { actor: 'two\nlines', details: 'carriage\rreturn' },
    ];

    await writeCsv({ filePath, columns, rows });

    const [, ...lines] = (await readFile(filePath, 'utf8')).split('\r\n');
    expect(lines).to.deep.equal([
      '"Doe, Jane","said ""hi"""',
      '"two\nlines","carriage\rreturn"',
      '',
    ]);
  });

  it('neutralises formula text and writes objects as JSON', async () => {
    const filePath = nextFile();
    const rows = [
      { actor: '=cmd|" /C calc"!A0', details: { formula: 'SUM(1)' } },
      { actor: null, details: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)) },
    ];

    await writeCsv({ filePath, columns, rows });

    const [, ...lines] = (await readFile(filePath, 'utf8')).split('\r\n');
    expect(lines).to.deep.equal([
      `"'=cmd|"" /C calc""!A0","{""formula"":""SUM(1)""}"`,
      ',2024-01-02T03:04:05.000Z',
      '',
    ]);
  });

  it('writes every row of a long export and returns the file checksum', async () => {
    const filePath = nextFile();

    const result = await writeCsv({
      filePath,
      columns: [
        { header: 'Actor', key: 'actor' },
        { header: 'Target', key: 'target' },
      ],
      rows: auditRows(50_000),
    });

    const text = await readFile(filePath, 'utf8');
    expect(text.split('\r\n')).to.have.lengthOf(50_000 + 2);
    expect(result.rowCount).to.equal(50_000);
    expect(result.sha256).to.equal(await sha256Of(filePath));
    expect(result.bytes).to.equal((await stat(filePath)).size);
  });

  it('deletes the partial file and rethrows when the rows fail', async () => {
    const filePath = nextFile();
    const cursorError = new Error('canceling statement due to timeout');
    async function* failingRows(): AsyncGenerator<Record<string, unknown>> {
      yield* auditRows(1_000);
      throw cursorError;
    }

    let caught: unknown;
    await writeCsv({ filePath, columns, rows: failingRows() }).catch(
      (error: unknown) => {
        caught = error;
      },
    );

    expect(caught).to.equal(cursorError);
    const exists = await access(filePath).then(
      () => true,
      () => false,
    );
    expect(exists).to.equal(false);
  });
});
