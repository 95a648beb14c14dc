// Shared output of every benchmark: a table for people, then one JSON line
// for machines (DESIGN.md section 3). The JSON line is always printed last.

/** What a benchmark's `run(args)` returns. */
export interface BenchResult {
  bench: string;
  /** Rows of the readable table; the first row holds the column titles. */
  table: (string | number)[][];
  /** The measured figure, e.g. rows per second of the new code. */
  value: number;
  unit: string;
  /** The same figure for the baseline, measured in the same run. */
  baseline: number;
  /** The target in words, e.g. `ratio >= 0.25`. */
  target: string;
  pass: boolean;
}

/** The signature every `bench/<name>.ts` exports. */
export type Bench = (args: string[]) => Promise<BenchResult>;

/** Prints the table, then the JSON summary as the very last line. */
export function printReport(result: BenchResult): void {
  console.log(formatTable(result.table));
  console.log('');

  const ratio = result.baseline === 0 ? 0 : result.value / result.baseline;
  console.log(
    JSON.stringify({
      bench: result.bench,
      value: round(result.value),
      unit: result.unit,
      baseline: round(result.baseline),
      ratio: round(ratio),
      target: result.target,
      pass: result.pass,
    }),
  );
}

/** Formats a number for the table: thousands separators, `digits` decimals. */
export function figure(value: number, digits = 0): string {
  return value.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

function formatTable(rows: (string | number)[][]): string {
  const cells = rows.map((row) => row.map(String));
  const columns = Math.max(...cells.map((row) => row.length));
  const widths = Array.from({ length: columns }, (_, index) =>
    Math.max(...cells.map((row) => row[index]?.length ?? 0)),
  );

  const lines = cells.map((row) =>
    row
      // Text left, figures right, as in any report.
      .map((cell, index) =>
        /^[\d.,-]+$/.test(cell)
          ? cell.padStart(widths[index] ?? 0)
          : cell.padEnd(widths[index] ?? 0),
      )
      .join('  ')
      .trimEnd(),
  );
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');

  return [lines[0], rule, ...lines.slice(1)].join('\n');
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
