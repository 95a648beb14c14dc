// `npm run bench -- export [--rows N] [--source database]`: writes the same audit rows
// as CSV (the baseline) and as XLSX, each in a child process, and compares
// rows per second and peak memory.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { figure, type BenchResult } from './report.js';
import { openDatabase } from '../core/runtime/database.js';
import { fillCompany } from './export/database-rows.js';

const DEFAULT_ROWS = 200_000;
const MIN_RATIO = 0.25;
const MAX_XLSX_RSS_MB = 250;

interface Measurement {
  writer: 'csv' | 'xlsx';
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  peakRssMb: number;
  rssBeforeMb: number;
  fileMb: number;
}

const execute = promisify(execFile);
const child = fileURLToPath(new URL('./export/child.ts', import.meta.url));

/** Runs the export benchmark; `--rows N` sets the row count (200,000). */
export async function run(args: string[]): Promise<BenchResult> {
  const rows = rowsFrom(args);
  const directory = await mkdtemp(join(tmpdir(), 'gatehouse-bench-export-'));
  // --source database: rows written to PostgreSQL first, then read back by
  // both writers through the export job's keyset pages.
  const fromDatabase = args.includes('database');
  const database = fromDatabase ? await openDatabase() : undefined;

  try {
    const companyId = fromDatabase ? await fillCompany(rows) : undefined;
    const csv = await measure(
      'csv',
      rows,
      join(directory, 'export.csv'),
      companyId,
    );
    const xlsx = await measure(
      'xlsx',
      rows,
      join(directory, 'export.xlsx'),
      companyId,
    );

    const ratio = xlsx.rowsPerSecond / csv.rowsPerSecond;
    return {
      bench: 'export',
      table: [
        [
          'writer',
          'rows',
          'seconds',
          'rows/s',
          'peak RSS MB',
          'RSS at start MB',
          'file MB',
        ],
        ...[csv, xlsx].map((measured) => [
          measured.writer,
          figure(measured.rows),
          figure(measured.seconds, 2),
          figure(measured.rowsPerSecond),
          figure(measured.peakRssMb, 1),
          figure(measured.rssBeforeMb, 1),
          figure(measured.fileMb, 1),
        ]),
      ],
      value: xlsx.rowsPerSecond,
      unit: 'rows/s',
      baseline: csv.rowsPerSecond,
      target: `ratio >= ${MIN_RATIO} and xlsx peak RSS < ${MAX_XLSX_RSS_MB} MB`,
      pass: ratio >= MIN_RATIO && xlsx.peakRssMb < MAX_XLSX_RSS_MB,
    };
  } finally {
    await rm(directory, { recursive: true, force: true });
    await database?.close();
  }
}

async function measure(
  writer: Measurement['writer'],
  rows: number,
  filePath: string,
  companyId?: string,
): Promise<Measurement> {
  const { stdout } = await execute(
    process.execPath,
    [
      '--import',
      'tsx',
      child,
      writer,
      String(rows),
      filePath,
      ...(companyId ? [companyId] : []),
    ],
    { maxBuffer: 1024 * 1024 },
  );
  const last = stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last) as Measurement;
}

function rowsFrom(args: string[]): number {
  const at = args.indexOf('--rows');
  if (at === -1) return DEFAULT_ROWS;

  const rows = Number(args[at + 1]);
  if (!Number.isInteger(rows) || rows < 1) {
    throw new RangeError(`--rows needs a positive whole number.`);
  }
  return rows;
}
