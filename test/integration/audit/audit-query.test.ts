import { expect } from 'chai';
import { auditFiltersSchema } from '../../../core/audit/filters.js';
import { readAuditPage, type AuditScope } from '../../../core/audit/query.js';
import { recordAudit } from '../../../core/audit/record.js';
import {
  database,
  type Company,
  type Organization,
} from '../../../db/index.js';
import {
  createCompany,
  createMember,
  createOrganization,
} from '../../support/factories.js';
import { useDatabase } from '../../support/services.js';

async function event(
  company: Company,
  at: string,
  actor: {
    id: string;
    name: string;
    organizationId: string | null;
  } | null = null,
) {
  await recordAudit({
    companyId: company.id,
    actor,
    activityType: 'login',
    event: 'create',
    informationType: 'authentication_token',
    context: { ip: null, deviceId: null, userAgent: null },
    occurredAt: new Date(at),
    details: { at },
  });
}

async function read(scope: AuditScope, filters: Record<string, unknown> = {}) {
  const page = await readAuditPage(
    scope,
    auditFiltersSchema.parse(filters),
    null,
    500,
  );
  return page.rows;
}

const scopeOf = (
  company: Company,
  windowDays: number,
  asOf: string,
): AuditScope => ({
  companyId: company.id,
  timeZone: company.timeZone,
  windowDays,
  asOf: new Date(asOf),
});

describe('audit queries', () => {
  before(async () => {
    await useDatabase();
    await database().query(
      `SELECT audit_ensure_partition(d::date) FROM unnest(ARRAY['2026-03-01','2026-07-01','2026-10-01']) AS d`,
    );
  });

  describe('the organization filter', () => {
    let company: Company;
    let units: Record<
      'root' | 'child' | 'grandchild' | 'sibling',
      Organization
    >;
    before(async () => {
      company = await createCompany();
      const root = await createOrganization(company, undefined, 'Root');
      const child = await createOrganization(company, root, 'Child');
      const grandchild = await createOrganization(company, child, 'Grandchild');
      const sibling = await createOrganization(company, undefined, 'Sibling');
      units = { root, child, grandchild, sibling };
      for (const [name, unit] of Object.entries(units)) {
        const member = await createMember(company, {
          organization: unit,
          name: `In ${name}`,
        });
        await event(company, new Date().toISOString(), {
          id: member.id,
          name: member.name,
          organizationId: unit.id,
        });
      }
      await event(company, new Date().toISOString(), {
        id: crypto.randomUUID(),
        name: 'No unit',
        organizationId: null,
      });
    });

    const actors = async (filters: Record<string, unknown>) =>
      (
        await read(
          scopeOf(company, 7, new Date(Date.now() + 1000).toISOString()),
          filters,
        )
      )
        .map((row) => row.actor_name)
        .sort();

    it('takes a unit with all its descendants', async () => {
      expect(await actors({ organization: units.child.id })).to.deep.equal([
        'In child',
        'In grandchild',
      ]);
      expect(await actors({ organization: units.root.id })).to.deep.equal([
        'In child',
        'In grandchild',
        'In root',
      ]);
    });

    it('follows the tree as it is now, after a unit moved', async () => {
      await units.sibling.update({ parentId: units.child.id });
      try {
        expect(await actors({ organization: units.child.id })).to.deep.equal([
          'In child',
          'In grandchild',
          'In sibling',
        ]);
      } finally {
        await units.sibling.update({ parentId: null });
      }
    });

    it("ignores another company's unit", async () => {
      const other = await createCompany();
      const foreign = await createOrganization(other);
      expect(await actors({ organization: foreign.id })).to.deep.equal([]);
    });
  });

  describe('the date range in a zone with daylight saving time', () => {
    let company: Company;
    before(async () => {
      company = await createCompany({
        timeZone: 'Europe/Berlin',
        plan: 'enterprise',
      });
      for (const at of [
        '2026-03-28T22:59:59Z', // 23:59:59 on the 28th (CET)
        '2026-03-28T23:00:00Z', // 00:00:00 on the 29th, the 23-hour day
        '2026-03-29T21:59:59Z', // 23:59:59 on the 29th (CEST)
        '2026-03-29T22:00:00Z', // 00:00:00 on the 30th
        '2026-10-25T22:59:59Z', // 23:59:59 on the 25th, the 25-hour day (CET)
        '2026-10-25T23:00:00Z', // 00:00:00 on the 26th
      ]) {
        await event(company, at);
      }
    });

    it('reads the days in the company zone with an inclusive end on the 23-hour day', async () => {
      const rows = await read(scopeOf(company, 365, '2026-12-01T00:00:00Z'), {
        from: '2026-03-29',
        to: '2026-03-29',
      });
      expect(rows.map((row) => row.local_time)).to.deep.equal([
        '2026-03-29 23:59:59',
        '2026-03-29 00:00:00',
      ]);
    });

    it('includes the last second of the 25-hour day and nothing after it', async () => {
      const rows = await read(scopeOf(company, 365, '2026-12-01T00:00:00Z'), {
        from: '2026-10-25',
        to: '2026-10-25',
      });
      expect(rows.map((row) => row.details.at)).to.deep.equal([
        '2026-10-25T22:59:59Z',
      ]);
    });
  });

  describe('the plan window', () => {
    let company: Company;
    // 12:00 on 10 July in Berlin: the 7-day window opens at 00:00 on 4 July.
    const asOf = '2026-07-10T10:00:00Z';
    before(async () => {
      company = await createCompany({ timeZone: 'Europe/Berlin' });
      for (const at of [
        '2026-07-03T21:59:59Z',
        '2026-07-03T22:00:00Z',
        asOf,
        '2026-07-10T10:00:01Z',
      ]) {
        await event(company, at);
      }
    });

    it('includes an event exactly at the opening edge and at the moment it is measured from', async () => {
      const rows = await read(scopeOf(company, 7, asOf));
      expect(rows.map((row) => row.details.at)).to.deep.equal([
        asOf,
        '2026-07-03T22:00:00Z',
      ]);
    });

    it('excludes an event one second before the window even when the date filter asks for it', async () => {
      const rows = await read(scopeOf(company, 7, asOf), {
        from: '2026-07-01',
        to: '2026-07-04',
      });
      expect(rows.map((row) => row.local_time)).to.deep.equal([
        '2026-07-04 00:00:00',
      ]);
    });
  });
});
