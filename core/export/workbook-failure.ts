import type { stream } from 'exceljs';

type WorkbookWriter = stream.xlsx.WorkbookWriter;

interface Archive {
  on(event: 'error', listener: (error: Error) => void): unknown;
  abort(): unknown;
}

/**
 * A promise that never resolves and rejects with the first error of the
 * workbook's zip archive or of the file it is written to. The writer races
 * every wait against it, so a failing disk ends the export instead of
 * leaving it waiting for a 'drain' that will not come.
 *
 * It also gives exceljs's archiver an 'error' listener from the start:
 * exceljs adds one only when the workbook is committed, and an 'error'
 * event without a listener would crash the worker.
 */
export function whenWorkbookBreaks(
  workbook: WorkbookWriter,
  fileDone: Promise<unknown>,
): Promise<never> {
  const broken = new Promise<never>((_resolve, reject) => {
    fileDone.catch(reject);
    archiveOf(workbook)?.on('error', reject);
  });
  // Only the waits observe it; after success nobody does.
  broken.catch(() => undefined);
  return broken;
}

/** Stops archiver from packing further entries of a failed workbook. */
export function abortArchive(workbook: WorkbookWriter | undefined): void {
  if (workbook) archiveOf(workbook)?.abort();
}

function archiveOf(workbook: WorkbookWriter): Archive | undefined {
  // `zip` is the archiver instance exceljs 4.4.0 creates in the
  // WorkbookWriter constructor; it is not part of the typed API.
  const zip: unknown = Reflect.get(workbook, 'zip');
  if (typeof zip !== 'object' || zip === null) return undefined;

  const on: unknown = Reflect.get(zip, 'on');
  const abort: unknown = Reflect.get(zip, 'abort');
  if (typeof on !== 'function' || typeof abort !== 'function') {
    return undefined;
  }
  return zip as Archive;
}
