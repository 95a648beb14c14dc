import { expect } from 'chai';
import { QueryTypes } from 'sequelize';
import { recordAudit } from '../../../core/audit/record.js';
import { database, migrateToLatest } from '../../../db/index.js';
import { seedDemo } from '../../../db/seed/seed-demo.js';
import { verifyChain } from './chain-check.js';
import {
  createFreshDatabase,
  useDatabaseFor,
  type FreshDatabase,
} from './fresh-database.js';

const dayMs = 86_400_000;
const now = new Date('2026-03-20T06:00:00Z');
const deps = {
  hashPassword: async (password: string) => `plain:${password.length}`,
  recordAudit,
  log: () => {},
  auditEventCount: 2000,
  now,
};

async function rows<T extends object>(sql: string, bind: unknown[] = []) {
  return database().query<T>(sql, { bind, type: QueryTypes.SELECT });
}

async function companyId(slug: string): Promise<string> {
  const [row] = await rows<{ id: string }>(
    'SELECT id FROM companies WHERE slug = $1',
    [slug],
  );
  if (!row) throw new Error(`no company ${slug}`);
  return row.id;
}

async function count(sql: string, bind: unknown[] = []): Promise<number> {
  const [row] = await rows<{ n: string }>(sql, bind);
  return Number(row?.n ?? 0);
}

describe('seedDemo', function () {
  this.timeout(120_000);
  let fresh: FreshDatabase;
  let restore: () => Promise<void>;
  let hanbit: string;
  let northwind: string;

  before(async () => {
    fresh = await createFreshDatabase('seed');
    restore = await useDatabaseFor(fresh.url);
    await migrateToLatest(database(), fresh.url);
    await seedDemo(deps);
    hanbit = await companyId('hanbit-foods');
    northwind = await companyId('northwind-logistics');
  });

  after(async () => {
    await restore?.();
    await fresh?.drop();
  });

  describe('companies and people', () => {
    it('creates two companies on different plans and time zones', async () => {
      const companies = await rows<{ plan: string; time_zone: string }>(
        'SELECT plan, time_zone FROM companies ORDER BY slug',
      );
      expect(companies).to.have.length.of.at.least(2);
      expect(new Set(companies.map((c) => c.plan)).size).to.be.at.least(2);
      expect(companies.map((c) => c.time_zone)).to.include.members([
        'Asia/Seoul',
        'Europe/Berlin',
      ]);
    });

    it('builds a tree of 15+ units under one root, smaller elsewhere', async () => {
      const sql = `SELECT count(*) AS n FROM organizations WHERE company_id = $1`;
      const roots = `${sql} AND parent_id IS NULL`;
      expect(await count(sql, [hanbit])).to.be.at.least(15);
      expect(await count(roots, [hanbit])).to.equal(1);
      expect(await count(sql, [northwind]))
        .to.be.above(3)
        .and.below(await count(sql, [hanbit]));
    });

    it('creates 200+ members with unique emails at the company domain', async () => {
      const members = await rows<{ name: string; email: string }>(
        'SELECT name, email FROM members WHERE company_id = $1',
        [hanbit],
      );
      expect(members).to.have.length.of.at.least(200);
      expect(new Set(members.map((m) => m.email)).size).to.equal(
        members.length,
      );
      for (const { email } of members) {
        expect(email).to.match(/^[a-z0-9.]+@hanbitfoods\.example$/);
      }
      const korean = members.filter((m) => /[가-힣]/.test(m.name));
      expect(korean.length).to.be.above(members.length / 2);
      expect(korean.length).to.be.below(members.length);
    });

    it('has exactly one super admin in each company', async () => {
      const perCompany = await rows<{ n: string }>(
        `SELECT count(*) FILTER (WHERE role = 'super_admin') AS n
         FROM members GROUP BY company_id`,
      );
      expect(perCompany.map((row) => Number(row.n))).to.deep.equal([1, 1]);
    });

    it('gives admins differing permission sets', async () => {
      const sets = await rows<{ permissions: string }>(
        `SELECT string_agg(p.permission, ',' ORDER BY p.permission) AS permissions
         FROM members m JOIN admin_permissions p ON p.member_id = m.id
         WHERE m.company_id = $1 AND m.role = 'admin' GROUP BY m.id`,
        [hanbit],
      );
      expect(sets).to.have.length.of.at.least(3);
      expect(new Set(sets.map((s) => s.permissions)).size).to.equal(
        sets.length,
      );
    });

    it('has members on leave and terminated', async () => {
      const sql = `SELECT count(*) AS n FROM members
                   WHERE company_id = $1 AND employment_status = $2`;
      expect(await count(sql, [hanbit, 'on_leave'])).to.be.at.least(3);
      expect(await count(sql, [hanbit, 'terminated'])).to.be.at.least(2);
    });
  });

  describe('audit history', () => {
    it('writes the requested events, a fifth as many for Northwind', async () => {
      const sql =
        'SELECT count(*) AS n FROM audit_events WHERE company_id = $1';
      expect(await count(sql, [hanbit])).to.equal(2000);
      expect(await count(sql, [northwind])).to.equal(400);
    });

    it('spreads the events over the 30 days before now', async () => {
      const [span] = await rows<{ first: Date; last: Date }>(
        `SELECT min(occurred_at) AS first, max(occurred_at) AS last
         FROM audit_events WHERE company_id = $1`,
        [hanbit],
      );
      expect(span?.first.getTime()).to.be.at.least(now.getTime() - 30 * dayMs);
      expect(span?.first.getTime()).to.be.below(now.getTime() - 28 * dayMs);
      expect(span?.last.getTime()).to.be.at.most(now.getTime());
      expect(span?.last.getTime()).to.be.above(now.getTime() - dayMs);
    });

    it('is busiest in Seoul working hours', async () => {
      const working = await count(
        `SELECT count(*) AS n FROM audit_events WHERE company_id = $1
         AND extract(isodow FROM occurred_at AT TIME ZONE 'Asia/Seoul') < 6
         AND extract(hour FROM occurred_at AT TIME ZONE 'Asia/Seoul')
             BETWEEN 8 AND 18`,
        [hanbit],
      );
      expect(working / 2000).to.be.above(0.75);
    });

    it('covers every activity type, outcome and profile section', async () => {
      const found = await rows<{ kind: string }>(
        `SELECT DISTINCT activity_type || '/' || event || '/' || outcome AS kind
         FROM audit_events WHERE company_id = $1`,
        [hanbit],
      );
      expect(found.map((row) => row.kind)).to.include.members([
        'login/create/success',
        'login/create/failure',
        'personal_information_access/view/success',
        'personal_information_access/edit/success',
        'personal_information_access/download/success',
        'permission_change/create/success',
      ]);
      const sections = await count(
        `SELECT count(DISTINCT information_type) AS n FROM audit_events
         WHERE company_id = $1 AND activity_type = 'personal_information_access'`,
        [hanbit],
      );
      expect(sections).to.equal(7);
    });

    it('records each current grant as a permission change at its time', async () => {
      const unmatched = await count(
        `SELECT count(*) AS n FROM admin_permissions p WHERE company_id = $1
         AND NOT EXISTS (SELECT 1 FROM audit_events e
           WHERE e.company_id = p.company_id AND e.target_member_id = p.member_id
           AND e.activity_type = 'permission_change' AND e.event = 'create'
           AND e.details->>'permission' = p.permission
           AND e.occurred_at = p.granted_at)`,
        [hanbit],
      );
      expect(unmatched).to.equal(0);
    });

    it('links each company chain in time order with valid hashes', async () => {
      expect(await verifyChain(hanbit)).to.equal(2000);
      expect(await verifyChain(northwind)).to.equal(400);
    });
  });

  describe('when run again', () => {
    it('returns the same credentials and writes nothing', async () => {
      const before = await count('SELECT count(*) AS n FROM members');
      const credentials = await seedDemo(deps);
      expect(credentials.created).to.equal(false);
      expect(credentials.superAdmin.email).to.equal(
        'seoyeon.park@hanbitfoods.example',
      );
      expect(credentials.admins.map((a) => a.permissions)).to.deep.include([
        'audit_log_view',
      ]);
      expect(await count('SELECT count(*) AS n FROM companies')).to.equal(2);
      expect(await count('SELECT count(*) AS n FROM members')).to.equal(before);
      expect(await count('SELECT count(*) AS n FROM audit_events')).to.equal(
        2400,
      );
    });
  });
});
