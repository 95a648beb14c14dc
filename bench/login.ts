// `npm run bench -- login [--seconds N] [--cost N]`: successful sign-ins per
// second over HTTP on loopback, against the bound bcrypt alone sets at the
// same cost and concurrency, measured in the same process and run.
import crypto from 'node:crypto';
import bcrypt from 'bcrypt';

import { listen } from '../api/listen.js';
import { config } from '../core/config/index.js';
import { hashPassword } from '../core/password/password-hash.js';
import { closeQueues } from '../core/queues/index.js';
import { openDatabase } from '../core/runtime/database.js';
import { openQueues } from '../core/runtime/queues.js';
import { Company, Member } from '../db/index.js';
import { figure, type BenchResult } from './report.js';

const TARGET_RATIO = 0.8;
const PASSWORD = 'bench passphrase for sign-in 8841';
// Twice libuv's default thread pool (4), where bcrypt runs: while one
// sign-in waits on the database, another keeps the pool's thread busy.
// The bcrypt-alone bound gets the same number of callers.
const CONCURRENCY = 8;
const ROUNDS = 2;

function option(args: string[], name: string, fallback: number): number {
  const index = args.indexOf(`--${name}`);
  const value = index === -1 ? NaN : Number(args[index + 1]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

// Runs `work` in `CONCURRENCY` loops for `seconds`; answers completions/s.
async function throughput(
  seconds: number,
  work: (lane: number) => Promise<void>,
) {
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  let done = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, lane) => {
      while (performance.now() < deadline) {
        await work(lane);
        done += 1;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

// A signed-out browser: the anonymous cookie and the CSRF token bound to it.
async function anonymousForm(baseUrl: string) {
  const response = await fetch(`${baseUrl}/sign-in`);
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  const token = /name="_csrf" value="([^"]+)"/.exec(await response.text())?.[1];
  if (!token) throw new Error('no CSRF token on the sign-in page');
  return { cookie, token };
}

/** Runs the login benchmark. */
export async function run(args: string[]): Promise<BenchResult> {
  const seconds = option(args, 'seconds', 5);
  const cost = option(args, 'cost', config.bcryptCost);
  const database = await openDatabase();
  await openQueues(database.url);
  const server = await listen(0, '127.0.0.1');
  const id = crypto.randomBytes(4).toString('hex');
  const company = await Company.create({
    name: `Login bench ${id}`,
    slug: `login-bench-${id}`,
    emailDomain: `${id}.bench.test`,
    plan: 'core_hr',
  });
  try {
    const hash = await hashPassword(PASSWORD, cost);
    const members = await Promise.all(
      Array.from({ length: CONCURRENCY }, (_, lane) =>
        Member.create({
          companyId: company.id,
          organizationId: null,
          name: `Bench member ${lane}`,
          email: `bench-${lane}@${company.emailDomain}`,
          passwordHash: hash,
          passwordChangedAt: new Date(),
        }),
      ),
    );
    const forms = await Promise.all(
      members.map(() => anonymousForm(server.url)),
    );
    const signIn = async (lane: number) => {
      const form = forms[lane]!;
      const response = await fetch(`${server.url}/sign-in`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          cookie: form.cookie,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({
          _csrf: form.token,
          email: members[lane]!.email,
          password: PASSWORD,
        }).toString(),
      });
      await response.arrayBuffer();
      if (response.status !== 303) {
        throw new Error(`sign-in answered ${response.status}, not 303`);
      }
    };
    const bcryptHash = await bcrypt.hash('bench', cost);
    const compare = async () => {
      if (!(await bcrypt.compare('bench', bcryptHash)))
        throw new Error('no match');
    };

    await throughput(0.5, signIn);
    const bound: number[] = [];
    const measured: number[] = [];
    // Alternating rounds, so drift in machine load hits both alike.
    for (let round = 0; round < ROUNDS; round += 1) {
      bound.push(await throughput(seconds, compare));
      measured.push(await throughput(seconds, signIn));
    }
    const mean = (values: number[]) =>
      values.reduce((a, b) => a + b, 0) / values.length;
    const value = mean(measured);
    const baseline = mean(bound);
    return {
      bench: 'login',
      table: [
        ['measure', 'per second', 'bcrypt cost', 'in flight', 'seconds'],
        [
          'bcrypt.compare alone',
          figure(baseline, 1),
          cost,
          CONCURRENCY,
          seconds * ROUNDS,
        ],
        [
          'HTTP sign-in (303)',
          figure(value, 1),
          cost,
          CONCURRENCY,
          seconds * ROUNDS,
        ],
        ['ratio', figure(value / baseline, 3), '', '', ''],
      ],
      value,
      unit: 'sign-ins/s',
      baseline,
      target: `ratio >= ${TARGET_RATIO}`,
      pass: value / baseline >= TARGET_RATIO,
    };
  } finally {
    await server.close();
    await Company.destroy({ where: { id: company.id } }).catch(() => undefined);
    await closeQueues();
    await database.close();
  }
}
