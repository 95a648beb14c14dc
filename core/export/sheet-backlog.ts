// exceljs 4.4.0 gives its streaming writer no backpressure: `row.commit()`
// returns nothing and never waits. Reading lib/stream/xlsx/*.js and
// lib/utils/stream-buf.js shows where the bytes go:
//
//   row.commit() -> worksheet.stream (exceljs StreamBuf, 64 KiB batches)
//     -> PassThrough (created by archiver, 16 KiB high-water mark)
//     -> deflate + CRC -> zip-stream -> archiver -> our file stream
//
// StreamBuf is not a real Node stream (it never calls the Duplex
// constructor), so archiver's `normalizeInputSource` wraps it: StreamBuf's
// `pipe()` just records the PassThrough in `stream.pipes`, and every full
// 64 KiB batch is written into it without looking at `write()`'s return
// value. Everything from the PassThrough down is joined with real `pipe()`,
// so backpressure works there; the sheet XML that the compressor has not
// taken yet piles up in the PassThrough's writable buffer
// (`_writableState.length`). That buffer is what grew by ~0.6 KB per row.
//
// Waiting for that PassThrough's 'drain' is the whole fix. archiver packs
// one entry at a time, so the rule that comes with it: commit a sheet
// before writing rows into the next one, or the next sheet's PassThrough
// is not read until the previous one ends.

/** Sheet XML (bytes) allowed to wait for the compressor: 1 MiB. */
export const SHEET_BACKLOG_LIMIT = 1024 * 1024;

/** Watches the buffer between one streaming worksheet and the zip. */
export interface SheetBacklog {
  /** Bytes of the sheet's XML written but not yet taken by the zip. */
  bytes(): number;
  /**
   * `undefined` while the backlog is within the limit, so the common case
   * costs no promise; otherwise a promise that resolves once the buffer has
   * drained.
   */
  room(): Promise<void> | undefined;
}

interface BufferedWritable {
  _writableState: { length: number };
  once(event: 'drain', listener: () => void): unknown;
}

/**
 * Finds the buffer behind a streaming exceljs worksheet (from
 * `stream.xlsx.WorkbookWriter#addWorksheet`). Throws when exceljs no longer
 * has the expected shape, so an upgrade fails loudly instead of quietly
 * bringing back unbounded memory.
 *
 * @param limit bytes allowed to wait; defaults to {@link SHEET_BACKLOG_LIMIT}.
 */
export function watchSheetBacklog(
  worksheet: object,
  limit = SHEET_BACKLOG_LIMIT,
): SheetBacklog {
  const pipe = findSheetPipe(worksheet);

  const bytes = (): number => pipe._writableState.length;

  const room = (): Promise<void> | undefined => {
    if (bytes() <= limit) return undefined;

    // Over the 16 KiB high-water mark the last write returned false, so
    // the PassThrough will emit 'drain' once its buffer is empty.
    return new Promise((resolve) => pipe.once('drain', resolve));
  };

  return { bytes, room };
}

function findSheetPipe(worksheet: object): BufferedWritable {
  const streamBuf: unknown = Reflect.get(worksheet, 'stream');
  const pipes: unknown =
    typeof streamBuf === 'object' && streamBuf !== null
      ? Reflect.get(streamBuf, 'pipes')
      : undefined;
  const pipe: unknown = Array.isArray(pipes) ? pipes[0] : undefined;

  if (!isBufferedWritable(pipe)) {
    throw new Error(
      'exceljs internals changed: a streaming worksheet no longer pipes ' +
        'into a Node Writable, so rows cannot wait for the zip (see ' +
        'core/export/sheet-backlog.ts)',
    );
  }
  return pipe;
}

function isBufferedWritable(value: unknown): value is BufferedWritable {
  if (typeof value !== 'object' || value === null) return false;

  const state: unknown = Reflect.get(value, '_writableState');
  const once: unknown = Reflect.get(value, 'once');

  return (
    typeof once === 'function' &&
    typeof state === 'object' &&
    state !== null &&
    typeof Reflect.get(state, 'length') === 'number'
  );
}
