// `npm run audit:verify -- --company <id>`: re-computes one company's audit
// hash chain and names the first broken link. Exit code 0 when the chain
// holds, 1 when it is broken, 2 on a usage error.
import { parseArgs } from 'node:util';
import { verifyChain } from '../core/audit/verify-chain.js';
import { openDatabase } from '../core/runtime/database.js';
import { Company } from '../db/index.js';

const usage =
  'Usage: npm run audit:verify -- --company <company id or slug>\n' +
  '       npm run audit:verify -- --list   (companies with their ids)';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { company: { type: 'string' }, list: { type: 'boolean' } },
  });
  const wanted = values.company ?? '';
  if (!wanted && !values.list) {
    console.error(usage);
    return 2;
  }
  const database = await openDatabase();
  try {
    const companies = await Company.findAll({ order: [['name', 'ASC']] });
    const company = companies.find((c) => c.id === wanted || c.slug === wanted);
    if (!company) {
      // A mistyped id must not look like an empty, sound chain.
      if (!values.list)
        console.error(`No company has the id or slug "${wanted}".`);
      for (const c of companies) console.log(`${c.id}  ${c.slug}  ${c.name}`);
      return values.list ? 0 : 2;
    }
    const companyId = company.id;
    const started = performance.now();
    const verdict = await verifyChain(companyId);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (verdict.ok) {
      const from =
        verdict.startsAt && verdict.startsAt > 1
          ? ` (from event ${verdict.startsAt}; older months were removed by retention)`
          : '';
      console.log(
        `The chain holds: ${verdict.checked} events checked${from} in ${seconds} s.`,
      );
      return 0;
    }
    const broken = verdict.broken;
    console.log(`The chain is BROKEN after ${verdict.checked} good events.`);
    console.log(
      `First broken link: event ${broken?.chainSeq}${broken?.id ? ` (id ${broken.id}, ${broken.occurredAt?.toISOString()})` : ''}: ${broken?.reason}.`,
    );
    return 1;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
