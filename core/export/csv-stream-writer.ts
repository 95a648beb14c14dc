import { toCellText } from './cell-value.js';
import {
  checkColumns,
  type ExportColumn,
  type ExportRows,
} from './export-column.js';
import { openFileSink, type WrittenFile } from './file-sink.js';

/** What {@link writeCsv} needs. */
export interface WriteCsvOptions {
  /** The file to create; an existing file is replaced. */
  filePath: string;
  columns: readonly ExportColumn[];
  /** Read one at a time; the next row is only asked for when there is room. */
  rows: ExportRows;
}

/** What {@link writeCsv} wrote. */
export interface CsvExportResult extends WrittenFile {
  /** Data rows written, the header not counted. */
  rowCount: number;
}

// Excel opens a UTF-8 CSV as UTF-8 only when it starts with a byte order
// mark; without it names with accents or Japanese arrive garbled.
const BYTE_ORDER_MARK = '\uFEFF';

// RFC 4180: a field with a quote, a comma or a line break is quoted.
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * Streams rows into an RFC 4180 CSV file (UTF-8 with a byte order mark,
 * CRLF line ends), waiting for 'drain' whenever the file falls behind.
 * Cells are made safe with the same rules as the XLSX export. On failure
 * the partial file is deleted and the error rethrown.
 */
export async function writeCsv(
  options: WriteCsvOptions,
): Promise<CsvExportResult> {
  checkColumns(options.columns);
  const { columns } = options;

  const sink = openFileSink(options.filePath);
  const { input } = sink;
  let rowCount = 0;

  try {
    input.write(
      BYTE_ORDER_MARK + line(columns.map(({ header }) => toCellText(header))),
    );

    for await (const record of options.rows) {
      const fits = input.write(
        line(columns.map(({ key }) => toCellText(record[key]))),
      );
      rowCount += 1;

      // Before the file ends `sink.done` can only reject, which ends the
      // wait when the disk fails instead of waiting for a 'drain' forever.
      if (!fits) await Promise.race([drained(input), sink.done]);
    }

    input.end();
    return { rowCount, ...(await sink.done) };
  } catch (error) {
    await sink.discard();
    throw error;
  }
}

function line(cells: readonly string[]): string {
  return cells.map(quote).join(',') + '\r\n';
}

function quote(cell: string): string {
  if (!NEEDS_QUOTES.test(cell)) return cell;

  return `"${cell.replaceAll('"', '""')}"`;
}

function drained(input: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => input.once('drain', () => resolve()));
}
