// `npm run bench -- ip-check [--seconds S] [--concurrency C]`:
// the allowed-IP check for a company with 100 mixed entries, in ns next to
// an empty Express middleware, and a signed-in page's requests/s with the
// allowlist on versus off. Uses DATABASE_URL (or the embedded database).
import crypto from 'node:crypto';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createApp } from '../api/app.js';
import { Company, Member } from '../db/index.js';
import { hashPassword } from '../core/password/password-hash.js';
import { closeQueues } from '../core/queues/index.js';
import { openDatabase } from '../core/runtime/database.js';
import { openQueues } from '../core/runtime/queues.js';
import { figure, type BenchResult } from './report.js';
import { timeCheck, timeEmptyMiddleware } from './ip-check/micro.js';
import { setRule, timeThroughput } from './ip-check/throughput.js';

const MAX_COST = 0.02;

function option(args: string[], name: string, fallback: number): number {
  const at = args.indexOf(`--${name}`);
  const value = at === -1 ? NaN : Number(args[at + 1]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

async function signedInAdmin(
  url: string,
): Promise<{ admin: Member; cookie: string }> {
  const id = crypto.randomBytes(5).toString('hex');
  const password = `bench password ${id}`;
  const company = await Company.create({
    name: `Bench ${id}`,
    slug: `bench-${id}`,
    emailDomain: `${id}.bench.test`,
    plan: 'core_hr',
  });
  const admin = await Member.create({
    companyId: company.id,
    name: `Bench admin ${id}`,
    email: `admin-${id}@${id}.bench.test`,
    role: 'super_admin',
    passwordHash: await hashPassword(password, 4),
    passwordChangedAt: new Date(),
  });
  const form = await fetch(`${url}/sign-in`);
  const jar = form.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  const csrf =
    /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
  const signedIn = await fetch(`${url}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      cookie: jar,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({
      _csrf: csrf,
      email: admin.email,
      password,
    }).toString(),
  });
  const session = signedIn.headers
    .getSetCookie()
    .find((line) => line.startsWith('gh_session='));
  if (!session) throw new Error('bench could not sign in');
  return { admin, cookie: `${jar}; ${session.split(';')[0]}` };
}

/** Runs both measurements; see the file comment for the options. */
export async function run(args: string[]): Promise<BenchResult> {
  const checks = option(args, 'checks', 2_000_000);
  const firstSight = timeCheck(checks, true);
  const repeat = timeCheck(checks, false);
  const empty = timeEmptyMiddleware(option(args, 'dispatches', 200_000));

  const database = await openDatabase();
  await openQueues(database.url);
  // Templates cached as in production, so rendering does not drown the check.
  const app = createApp();
  app.enable('view cache');
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const withList = await signedInAdmin(url);
    const withoutList = await signedInAdmin(url);
    await setRule(withList.admin, true);
    await setRule(withoutList.admin, false);
    const rate = await timeThroughput({
      url,
      onCookie: withList.cookie,
      offCookie: withoutList.cookie,
      seconds: option(args, 'seconds', 20),
      concurrency: option(args, 'concurrency', 4),
    });
    const cost = 1 - rate.on / rate.off;
    return {
      bench: 'ip-check',
      table: [
        ['measure', 'value', 'unit'],
        [
          'allowed-IP check, 100 entries, IP seen before',
          figure(repeat.ns, 1),
          'ns/check',
        ],
        [
          'allowed-IP check, 100 entries, new IP each time',
          figure(firstSight.ns, 1),
          'ns/check',
        ],
        ['empty Express middleware', figure(empty, 1), 'ns/call'],
        ['signed-in page, allowlist off', figure(rate.off), 'req/s'],
        ['signed-in page, allowlist on', figure(rate.on), 'req/s'],
        ['throughput cost of the allowlist', figure(cost * 100, 2), '%'],
        ['requests measured (both arms)', figure(rate.requests), 'requests'],
      ],
      value: rate.on,
      unit: 'req/s',
      baseline: rate.off,
      target: `allowlist costs < ${MAX_COST * 100} % of the page's throughput (ratio >= ${1 - MAX_COST})`,
      pass: cost < MAX_COST,
    };
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await closeQueues();
    await database.close();
  }
}
