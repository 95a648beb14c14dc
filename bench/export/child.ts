// One writer in a process of its own, so that its peak RSS is its own.
// Usage: node --import tsx bench/export/child.ts <csv|xlsx> <rows> <file>
//        [<company id>]: with a company, the rows come from PostgreSQL as
//        the audit-export job reads them, instead of the synthetic source.
// Prints one JSON line with the measurements.
import { performance } from 'node:perf_hooks';

import { auditColumns, auditRows } from './audit-rows.js';

const [writer, rowsArgument, filePath, companyId] = process.argv.slice(2);
const rows = Number(rowsArgument);

if ((writer !== 'csv' && writer !== 'xlsx') || !filePath || !(rows >= 0)) {
  console.error('Usage: child.ts <csv|xlsx> <rows> <file>');
  process.exit(2);
}

// Import only the writer being measured, so the CSV process does not carry
// exceljs in its memory figures.
const write =
  writer === 'csv'
    ? (await import('../../core/export/csv-stream-writer.js')).writeCsv
    : (await import('../../core/export/xlsx-stream-writer.js')).writeXlsx;

const source = companyId
  ? await (await import('./database-source.js')).databaseSource(companyId)
  : { columns: auditColumns, rows: auditRows(rows), close: async () => {} };

const rssBeforeMb = process.memoryUsage().rss / 2 ** 20;
const started = performance.now();

const result = await write({
  filePath,
  columns: source.columns,
  rows: source.rows,
  sheetName: 'Events',
  aboutSheet: {
    title: 'Audit log export (benchmark)',
    lines: [['Rows', rows]],
  },
});

const seconds = (performance.now() - started) / 1000;
await source.close();

console.log(
  JSON.stringify({
    writer,
    rows: result.rowCount,
    seconds,
    rowsPerSecond: result.rowCount / seconds,
    // maxRSS is in KiB on Linux: the high-water mark of the whole process.
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    rssBeforeMb,
    fileMb: result.bytes / 2 ** 20,
  }),
);
