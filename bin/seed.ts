// `npm run seed` creates the demo companies (once); `--print` shows their
// sign-in details; `--audit-events N [--companies C] [--days D]` fills a
// benchmark database with N events over C companies and D days.
import { parseArgs } from 'node:util';
import { openDatabase } from '../core/runtime/database.js';
import { runDemoSeed, runScaleSeed } from '../core/runtime/seed.js';
import { readDemoCredentials } from '../db/seed/demo-credentials.js';

const { values } = parseArgs({
  options: {
    print: { type: 'boolean', default: false },
    'audit-events': { type: 'string' },
    companies: { type: 'string', default: '200' },
    days: { type: 'string', default: '90' },
  },
});

const handle = await openDatabase();
try {
  if (values['audit-events']) {
    const result = await runScaleSeed(
      Number(values['audit-events']),
      Number(values.companies),
      Number(values.days),
    );
    console.log(
      `seeded ${result.events} events over ${result.companyIds.length} companies at ${Math.round(result.eventsPerSecond)} events/s`,
    );
  } else {
    const credentials = values.print
      ? await readDemoCredentials()
      : await runDemoSeed();
    if (!credentials)
      console.log('No demo data here; run `npm run seed` first.');
    else console.log(JSON.stringify(credentials, null, 2));
  }
} finally {
  await handle.close();
}
