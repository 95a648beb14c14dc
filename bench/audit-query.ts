// `npm run bench -- audit-query [--company scale-0001] [--iterations 60]`:
// times the audit viewer's queries for one company's last 7 days, with and
// without each filter, first page and a deep cursor page, against the same
// select as a primary-key lookup of 50 rows. Seed first with
// `npm run seed -- --audit-events 5000000`.
import { parseArgs } from 'node:util';
import { QueryTypes } from 'sequelize';
import { auditFiltersSchema } from '../core/audit/filters.js';
import { countAuditRows, readAuditPage } from '../core/audit/query.js';
import { openDatabase } from '../core/runtime/database.js';
import { database } from '../db/index.js';
import { loadFixture, type QueryFixture } from './audit-query/fixture.js';
import { figure, type BenchResult } from './report.js';

const maxRatio = 10;
const maxMs = 50;

interface Case {
  name: string;
  query: () => Promise<unknown>;
}

function percentile(sorted: number[], p: number): number {
  return (
    sorted[
      Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
    ] ?? 0
  );
}

async function time(query: () => Promise<unknown>, iterations: number) {
  for (let n = 0; n < 3; n += 1) await query();
  const samples: number[] = [];
  for (let n = 0; n < iterations; n += 1) {
    const started = performance.now();
    await query();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

// The viewer's select, fetched by primary key instead of by filter.
function baselineQuery(fixture: QueryFixture) {
  return () =>
    database().query(
      `SELECT e.id, e.occurred_at,
         (extract(epoch FROM e.occurred_at) * 1000000)::bigint::text AS occurred_us,
         to_char(e.occurred_at AT TIME ZONE $2, 'YYYY-MM-DD HH24:MI:SS') AS local_time,
         e.actor_id, e.actor_name, o.name AS organization_name, e.activity_type,
         e.event, e.information_type, e.target_name, e.outcome, e.ip, e.device_id,
         e.user_agent, e.details
       FROM unnest($3::bigint[], $4::timestamptz[]) AS k(id, at)
       JOIN audit_events e ON e.id = k.id AND e.occurred_at = k.at AND e.company_id = $1
       LEFT JOIN organizations o ON o.id = e.actor_organization_id
       ORDER BY e.occurred_at DESC, e.id DESC`,
      {
        bind: [
          fixture.company.id,
          fixture.scope.timeZone,
          fixture.baselineKeys.ids,
          fixture.baselineKeys.times,
        ],
        type: QueryTypes.SELECT,
      },
    );
}

function cases(fixture: QueryFixture): Case[] {
  const today = new Date().toISOString().slice(0, 10);
  const threeDaysAgo = new Date(Date.now() - 2 * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const page = (filters: Record<string, unknown>, deep = false) => {
    const parsed = auditFiltersSchema.parse(filters);
    return () =>
      readAuditPage(
        fixture.scope,
        parsed,
        deep ? fixture.deepCursor : null,
        50,
      );
  };
  return [
    { name: 'no filter, first page', query: page({}) },
    {
      name: 'activity type',
      query: page({ activityType: 'personal_information_access' }),
    },
    { name: 'event', query: page({ event: 'view' }) },
    { name: 'information type', query: page({ informationType: 'personal' }) },
    { name: 'one member', query: page({ member: fixture.memberId }) },
    {
      name: `organization subtree (${fixture.subtreeUnits} units)`,
      query: page({ organization: fixture.subtreeRoot }),
    },
    {
      name: 'date range (3 days)',
      query: page({ from: threeDaysAgo, to: today }),
    },
    { name: 'device', query: page({ deviceId: fixture.deviceId }) },
    {
      name: 'all filters',
      query: page({
        activityType: ['login', 'personal_information_access'],
        event: ['view', 'create'],
        organization: fixture.subtreeRoot,
        from: threeDaysAgo,
        to: today,
      }),
    },
    { name: `deep cursor (page ${fixture.deepPage})`, query: page({}, true) },
    {
      name: `deep cursor, subtree`,
      query: page({ organization: fixture.subtreeRoot }, true),
    },
  ];
}

/** Runs the benchmark against DATABASE_URL. */
export async function run(args: string[]): Promise<BenchResult> {
  const { values } = parseArgs({
    args,
    options: {
      company: { type: 'string', default: 'scale-0001' },
      iterations: { type: 'string', default: '60' },
    },
  });
  const iterations = Number(values.iterations);
  const handle = await openDatabase();
  try {
    const fixture = await loadFixture(values.company);
    const [{ total } = { total: '0' }] = await database().query<{
      total: string;
    }>('SELECT count(*)::text AS total FROM audit_events', {
      type: QueryTypes.SELECT,
    });
    const baseline = await time(baselineQuery(fixture), iterations);
    const table: (string | number)[][] = [
      ['query', 'rows', 'p50 ms', 'p95 ms', 'p95 / baseline'],
    ];
    table.push([
      'baseline: 50 rows by primary key',
      50,
      figure(baseline.p50, 2),
      figure(baseline.p95, 2),
      '1.0',
    ]);
    let worst = 0;
    let pass = true;
    for (const item of cases(fixture)) {
      const rows = ((await item.query()) as { rows: unknown[] }).rows.length;
      const measured = await time(item.query, iterations);
      const ratio = measured.p95 / baseline.p95;
      worst = Math.max(worst, measured.p95);
      pass &&= ratio < maxRatio && measured.p95 < maxMs;
      table.push([
        item.name,
        rows,
        figure(measured.p50, 2),
        figure(measured.p95, 2),
        figure(ratio, 1),
      ]);
    }
    const count = await countAuditRows(
      fixture.scope,
      auditFiltersSchema.parse({}),
    );
    table.push([
      `(${figure(Number(total))} events in the database; ${figure(count)} in ${fixture.company.slug}'s 7-day window)`,
      '',
      '',
      '',
      '',
    ]);
    return {
      bench: 'audit-query',
      table,
      value: worst,
      unit: 'ms (worst p95)',
      baseline: baseline.p95,
      target: `every p95 < ${maxRatio}x baseline p95 and < ${maxMs} ms`,
      pass,
    };
  } finally {
    await handle.close();
  }
}
