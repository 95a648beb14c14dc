// Requests per second of a signed-in page over loopback for two companies
// alike but for the allowlist: one has it on (100 entries), one off. Each
// client alternates between the two sessions request by request, so load
// from anything else on the machine falls on both arms alike.
import { Company, type Member } from '../../db/index.js';
import { saveIpPolicy } from '../../core/ip-policy/save-ip-policy.js';
import { mixedEntries } from './micro.js';

/** Turns the company's rule on or off with the 100-entry list. */
export async function setRule(admin: Member, enabled: boolean): Promise<void> {
  const company = await Company.findByPk(admin.companyId);
  if (!company) throw new Error('company missing');
  const result = await saveIpPolicy(
    {
      id: admin.id,
      name: admin.name,
      organizationId: admin.organizationId,
      companyId: admin.companyId,
      role: admin.role,
    },
    {
      // Applies to the super admin too, so the check really runs.
      settings: { enabled, scope: 'all', applyToSuperAdmin: true },
      rows: mixedEntries().map((entry) => ({ entry })),
      expectedVersion: company.settingsVersion,
      confirmSelfLockout: true,
    },
    { ip: '127.0.0.1', deviceId: null, userAgent: 'bench' },
  );
  if (!result.ok)
    throw new Error(`bench could not set the rule: ${result.reason}`);
}

interface Arm {
  cookie: string;
  count: number;
  nanoseconds: bigint;
}

async function hit(url: string, arm: Arm): Promise<void> {
  const start = process.hrtime.bigint();
  const response = await fetch(url, {
    headers: { cookie: arm.cookie, accept: 'text/html' },
  });
  await response.arrayBuffer();
  if (response.status !== 200)
    throw new Error(`page answered ${response.status}`);
  arm.nanoseconds += process.hrtime.bigint() - start;
  arm.count += 1;
}

/**
 * Requests/s of the page with the allowlist off and on: `concurrency`
 * clients divided by each arm's mean response time.
 */
export async function timeThroughput(options: {
  url: string;
  offCookie: string;
  onCookie: string;
  seconds: number;
  concurrency: number;
}): Promise<{ off: number; on: number; requests: number }> {
  const page = `${options.url}/`;
  const off: Arm = { cookie: options.offCookie, count: 0, nanoseconds: 0n };
  const on: Arm = { cookie: options.onCookie, count: 0, nanoseconds: 0n };
  for (let i = 0; i < 20; i += 1) await hit(page, i % 2 ? on : off); // warm-up
  Object.assign(off, { count: 0, nanoseconds: 0n });
  Object.assign(on, { count: 0, nanoseconds: 0n });

  const until = Date.now() + options.seconds * 1000;
  const client = async (first: number) => {
    for (let i = first; Date.now() < until; i += 1)
      await hit(page, i % 2 ? on : off);
  };
  await Promise.all(
    Array.from({ length: options.concurrency }, (_, i) => client(i)),
  );

  const rate = (arm: Arm) =>
    (options.concurrency * arm.count * 1e9) / Number(arm.nanoseconds);
  return { off: rate(off), on: rate(on), requests: off.count + on.count };
}
