// `npm run bench -- <name> [args]`: imports bench/<name>.ts, runs its
// exported `run(args)` and prints the report.
import { existsSync, readdirSync } from 'node:fs';

import { printReport, type Bench } from './report.js';

const [name, ...args] = process.argv.slice(2);

function available(): string[] {
  const here = new URL('.', import.meta.url);
  return readdirSync(here)
    .filter((file) => file.endsWith('.ts'))
    .map((file) => file.slice(0, -3))
    .filter((file) => !['run', 'report'].includes(file));
}

// The name becomes a file path; only a plain kebab-case name may.
const file =
  name && /^[a-z0-9][a-z0-9-]*$/.test(name)
    ? new URL(`./${name}.ts`, import.meta.url)
    : undefined;

if (!file || !existsSync(file)) {
  console.error(`Usage: npm run bench -- <name> [args]`);
  console.error(`Benchmarks: ${available().join(', ')}`);
  process.exit(2);
}

const bench = (await import(file.href)) as { run?: Bench };
if (typeof bench.run !== 'function') {
  console.error(`bench/${name}.ts does not export run(args).`);
  process.exit(2);
}

printReport(await bench.run(args));
