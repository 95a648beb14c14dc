// Reads XLSX files back with Python's openpyxl, so the export is checked by
// a reader that shares no code with exceljs.
import { execFile, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const script = fileURLToPath(new URL('./read-xlsx.py', import.meta.url));

/** One cell as openpyxl sees it: value and data type ('s', 'n', 'f', ...). */
export interface ReadCell {
  v: string | number | boolean | null;
  t: string;
}

export interface ReadSheet {
  name: string;
  rowCount: number;
  rows: ReadCell[][];
}

/** Returns the workbook's sheets in order, as openpyxl reads them. */
export type XlsxReader = (filePath: string) => Promise<ReadSheet[]>;

// `python3` first; the Debian package python3-openpyxl lives beside
// /usr/bin/python3, which a pyenv or venv python3 earlier on PATH hides.
const CANDIDATES = ['python3', '/usr/bin/python3'];

/** A reader, or undefined when no Python on this machine has openpyxl. */
export function findOpenpyxl(): XlsxReader | undefined {
  const python = CANDIDATES.find(
    (candidate) => spawnSync(candidate, ['-c', 'import openpyxl']).status === 0,
  );
  if (!python) return undefined;

  return async (filePath) => {
    const { stdout } = await run(python, [script, filePath], {
      maxBuffer: 64 * 1024 * 1024,
    });
    const parsed = JSON.parse(stdout) as { sheets: ReadSheet[] };
    return parsed.sheets;
  };
}
