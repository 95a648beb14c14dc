// Picks the benchmark company and prepares what the viewer's filters need:
// a 50-unit organization subtree, an active member, a device, a deep cursor.
import { QueryTypes } from 'sequelize';
import { auditFiltersSchema } from '../../core/audit/filters.js';
import {
  readAuditPage,
  type AuditCursor,
  type AuditScope,
} from '../../core/audit/query.js';
import { Company, database, Organization } from '../../db/index.js';

/** What the measured queries run against. */
export interface QueryFixture {
  company: Company;
  scope: AuditScope;
  rowsInWindow: number;
  subtreeRoot: string;
  subtreeUnits: number;
  memberId: string;
  deviceId: string;
  deepCursor: AuditCursor | null;
  deepPage: number;
  baselineKeys: { ids: string[]; times: Date[] };
}

const subtreeSize = 50;

// Grows the subtree under the unit to 50 units with empty bench units, once.
async function subtreeOf(
  company: Company,
): Promise<{ root: string; units: number }> {
  const root =
    (await Organization.findOne({
      where: { companyId: company.id, name: 'Operations' },
    })) ??
    (await Organization.findOne({
      where: { companyId: company.id, parentId: null },
    }));
  if (!root) throw new Error(`${company.slug} has no organization tree`);
  const count = async () => {
    const [row] = await database().query<{ n: number }>(
      `WITH RECURSIVE t AS (SELECT id FROM organizations WHERE id = $1
         UNION ALL SELECT o.id FROM organizations o JOIN t ON o.parent_id = t.id)
       SELECT count(*)::int AS n FROM t`,
      { bind: [root.id], type: QueryTypes.SELECT },
    );
    return row?.n ?? 0;
  };
  const missing = subtreeSize - (await count());
  for (let n = 0; n < missing; n += 1) {
    await Organization.create({
      companyId: company.id,
      parentId: root.id,
      name: `Bench Unit ${n + 1}`,
    });
  }
  return { root: root.id, units: await count() };
}

async function one<T extends object>(
  sql: string,
  bind: unknown[],
): Promise<T | undefined> {
  const [row] = await database().query<T>(sql, {
    bind,
    type: QueryTypes.SELECT,
  });
  return row;
}

/** Loads the fixture for the company with that slug. */
export async function loadFixture(slug: string): Promise<QueryFixture> {
  const company = await Company.findOne({ where: { slug } });
  if (!company)
    throw new Error(
      `No company ${slug}: seed with npm run seed -- --audit-events N`,
    );
  const scope: AuditScope = {
    companyId: company.id,
    timeZone: company.timeZone,
    windowDays: 7,
    asOf: new Date(),
  };
  const since = new Date(Date.now() - 7 * 86_400_000);
  // A freshly seeded database has no statistics yet; production has them
  // from autovacuum. Without them the planner guesses and sorts.
  await database().query('ANALYZE audit_events');
  await database().query('ANALYZE organizations');
  const subtree = await subtreeOf(company);
  const busiest = await one<{ actor_id: string }>(
    `SELECT actor_id FROM audit_events WHERE company_id = $1 AND occurred_at > $2 AND actor_id IS NOT NULL
     GROUP BY actor_id ORDER BY count(*) DESC LIMIT 1`,
    [company.id, since],
  );
  const device = await one<{ device_id: string }>(
    `SELECT device_id FROM audit_events WHERE company_id = $1 AND occurred_at > $2 AND device_id IS NOT NULL
     GROUP BY device_id ORDER BY count(*) DESC LIMIT 1`,
    [company.id, since],
  );
  const keys = await database().query<{ id: string; occurred_at: Date }>(
    `SELECT id, occurred_at FROM audit_events WHERE company_id = $1 AND occurred_at > $2
     ORDER BY random() LIMIT 50`,
    { bind: [company.id, since], type: QueryTypes.SELECT },
  );

  // Walks 80 % of the way through the window, page by page, as a reader would.
  const noFilters = auditFiltersSchema.parse({});
  let cursor: AuditCursor | null = null;
  let pages = 0;
  let rows = 0;
  const walk: AuditCursor[] = [];
  do {
    const page = await readAuditPage(scope, noFilters, cursor, 50);
    rows += page.rows.length;
    cursor = page.next;
    if (cursor) walk.push(cursor);
    pages += 1;
  } while (cursor);
  const deepIndex = Math.floor(walk.length * 0.8);
  return {
    company,
    scope,
    rowsInWindow: rows,
    subtreeRoot: subtree.root,
    subtreeUnits: subtree.units,
    memberId: busiest?.actor_id ?? '',
    deviceId: device?.device_id ?? '',
    deepCursor: walk[deepIndex] ?? null,
    deepPage: Math.min(deepIndex + 2, pages),
    baselineKeys: {
      ids: keys.map((k) => String(k.id)),
      times: keys.map((k) => k.occurred_at),
    },
  };
}
