import { expect } from 'chai';
import { access } from 'node:fs/promises';

import { writeXlsx } from '../../../core/export/xlsx-stream-writer.js';
import { auditColumns, auditRow, scratchDirectory } from './export-fixtures.js';

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

async function exists(filePath: string): Promise<boolean> {
  return access(filePath).then(
    () => true,
    () => false,
  );
}

describe('writeXlsx when it cannot finish', () => {
  let scratch: Awaited<ReturnType<typeof scratchDirectory>>;

  before(async () => {
    scratch = await scratchDirectory();
  });

  after(async () => scratch.remove());

  it('deletes the partial file and rethrows when the rows fail', async () => {
    const filePath = scratch.path('cursor-failed.xlsx');
    const cursorError = new Error('connection reset by peer');
    async function* failingRows(): AsyncGenerator<Record<string, unknown>> {
      for (let index = 0; index < 3_000; index += 1) yield auditRow();
      throw cursorError;
    }

    const error = await rejection(
      writeXlsx({
        filePath,
        columns: auditColumns,
        rows: failingRows(),
        sheetName: 'Events',
      }),
    );

    expect(error).to.equal(cursorError);
    expect(await exists(filePath)).to.equal(false);
  });

  it('rejects, without crashing, when the file cannot be created', async () => {
    const filePath = scratch.path('missing-directory/export.xlsx');

    const error = await rejection(
      writeXlsx({
        filePath,
        columns: auditColumns,
        rows: Array.from({ length: 5_000 }, () => auditRow()),
        sheetName: 'Events',
      }),
    );

    expect(error).to.have.property('code', 'ENOENT');
  });

  describe('with invalid options', () => {
    const invalid = {
      'maxRowsPerSheet 0': { maxRowsPerSheet: 0 },
      'maxRowsPerSheet above Excel rows': { maxRowsPerSheet: 1_048_576 },
      'a sheet name with a slash': { sheetName: 'Events/May' },
      'the About sheet name': { sheetName: 'About this export' },
      'no columns': { columns: [] },
    };

    for (const [name, override] of Object.entries(invalid)) {
      it(`refuses ${name} before creating the file`, async () => {
        const filePath = scratch.path(`invalid-${name}.xlsx`);

        const error = await rejection(
          writeXlsx({
            filePath,
            columns: auditColumns,
            rows: [auditRow()],
            sheetName: 'Events',
            ...override,
          }),
        );

        expect(error).to.be.instanceOf(RangeError);
        expect(await exists(filePath)).to.equal(false);
      });
    }
  });
});
