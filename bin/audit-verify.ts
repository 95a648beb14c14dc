// `npm run audit:verify -- --company <id>`: re-computes one company's audit
// hash chain and names the first broken link. Exit code 0 when the chain
// holds, 1 when it is broken, 2 on a usage error.
import { parseArgs } from 'node:util';
import { verifyChain } from '../core/audit/verify-chain.js';
import { openDatabase } from '../core/runtime/database.js';

const usage = 'Usage: npm run audit:verify -- --company <company id>';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { company: { type: 'string' } } });
  const companyId = values.company ?? '';
  if (!/^[0-9a-f-]{36}$/i.test(companyId)) {
    console.error(usage);
    return 2;
  }
  const database = await openDatabase();
  try {
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
