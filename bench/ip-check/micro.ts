// Nanosecond timings of the allowed-IP check against an empty Express
// middleware, both measured here in the same process.
import express, { type Request, type Response } from 'express';
import { compileIpMatcher } from '../../core/ip/ip-matcher.js';
import { isIpAllowed } from '../../core/ip-policy/ip-decision.js';
import { rememberingMatcher } from '../../core/ip-policy/policy-cache.js';
import type { IpSettings } from '../../core/ip-policy/ip-settings.js';

/** 100 entries: IPv4 addresses and ranges, IPv6 addresses and ranges. */
export function mixedEntries(): string[] {
  const entries: string[] = [];
  for (let i = 0; i < 25; i += 1) entries.push(`198.51.${i}.${(i * 7) % 250}`);
  for (let i = 0; i < 25; i += 1)
    entries.push(`10.${i * 4}.0.0/${16 + (i % 8)}`);
  for (let i = 0; i < 25; i += 1)
    entries.push(`2001:db8:${i.toString(16)}::${(i + 1).toString(16)}`);
  for (let i = 0; i < 24; i += 1)
    entries.push(`2001:db8:${(0x100 + i).toString(16)}::/48`);
  entries.push('127.0.0.1');
  return entries;
}

/** Client IPs that hit and miss, in both families and mapped form. */
export function clientIps(): string[] {
  const ips: string[] = [];
  for (let i = 0; i < 256; i += 1) {
    ips.push(
      `198.51.${i % 30}.${(i * 7) % 250}`,
      `10.${i % 120}.3.4`,
      `::ffff:203.0.113.${i}`,
    );
    ips.push(
      `2001:db8:${(i % 40).toString(16)}::${((i % 26) + 1).toString(16)}`,
    );
    ips.push(`2001:db8:${(0x100 + (i % 30)).toString(16)}:1::9`);
  }
  return ips;
}

function nsPer(iterations: number, body: () => void): number {
  const start = process.hrtime.bigint();
  body();
  return Number(process.hrtime.bigint() - start) / iterations;
}

/**
 * ns per allowed-IP check of a cached 100-entry rule. `firstSight` cycles
 * through 1,280 distinct IPs on the bare matcher (every check parses and
 * searches); otherwise 16 IPs repeat, as a company's traffic does, through
 * the remembering matcher the policy cache uses.
 */
export function timeCheck(
  iterations: number,
  firstSight: boolean,
): { ns: number; allowed: number } {
  const compiled = compileIpMatcher(mixedEntries());
  const matcher = firstSight ? compiled : rememberingMatcher(compiled);
  const settings: IpSettings = {
    enabled: true,
    scope: 'all',
    applyToSuperAdmin: false,
  };
  const subject = { role: 'member' as const };
  const ips = firstSight ? clientIps() : clientIps().slice(0, 16);
  let allowed = 0;
  const run = (n: number) => {
    for (let i = 0; i < n; i += 1) {
      if (
        isIpAllowed(
          settings,
          matcher,
          subject,
          ips[i % ips.length] ?? null,
          'request',
        )
      )
        allowed += 1;
    }
  };
  run(iterations / 10); // warm-up
  allowed = 0;
  const ns = nsPer(iterations, () => run(iterations));
  return { ns, allowed };
}

/**
 * ns one empty middleware adds to Express's dispatch: a router with 100
 * of them against one with none, the difference divided by 100.
 */
export function timeEmptyMiddleware(iterations: number): number {
  const build = (count: number) => {
    const router = express.Router();
    for (let i = 0; i < count; i += 1) router.use((_req, _res, next) => next());
    router.get('/page', (_req, _res, next) => next());
    return router;
  };
  const dispatch = (router: express.Router, n: number) => {
    for (let i = 0; i < n; i += 1) {
      const req = {
        method: 'GET',
        url: '/page',
        originalUrl: '/page',
      } as Request;
      router(req, {} as Response, () => {});
    }
  };
  const none = build(0);
  const hundred = build(100);
  const rounds = Math.max(1, Math.floor(iterations / 100));
  dispatch(none, rounds);
  dispatch(hundred, rounds);
  const bare = nsPer(rounds, () => dispatch(none, rounds));
  const full = nsPer(rounds, () => dispatch(hundred, rounds));
  return (full - bare) / 100;
}
