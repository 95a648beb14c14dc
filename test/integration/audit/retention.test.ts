import { expect } from 'chai';
import { recordAudit } from '../../../core/audit/record.js';
import {
  dropExpiredAuditPartitions,
  listAuditPartitions,
  retentionCutoff,
} from '../../../core/audit/retention.js';
import { verifyChain } from '../../../core/audit/verify-chain.js';
import { database, type Company } from '../../../db/index.js';
import { auditRetention } from '../../../workers/jobs/audit-retention.js';
import { createCompany } from '../../support/factories.js';
import { useDatabase } from '../../support/services.js';

const dayMs = 86_400_000;

async function eventAt(company: Company, iso: string) {
  await recordAudit({
    companyId: company.id,
    actor: null,
    activityType: 'login',
    event: 'create',
    informationType: 'authentication_token',
    context: {
      ip: null,
      deviceId: 'retention-device',
      userAgent: 'retention-test',
    },
    occurredAt: new Date(iso),
  });
}

const names = async () => (await listAuditPartitions()).map((p) => p.name);

describe('audit retention', () => {
  let company: Company;
  // The end of January 2019 is exactly the cutoff at this moment.
  const now = new Date(Date.parse('2019-02-01T00:00:00Z') + (365 + 30) * dayMs);

  before(async () => {
    await useDatabase();
    await database().query(
      `SELECT audit_ensure_partition('2019-01-10'), audit_ensure_partition('2019-02-10')`,
    );
    company = await createCompany();
    for (const day of [
      '2019-01-05',
      '2019-01-20',
      '2019-01-31T23:59:59Z',
      '2019-02-01',
      '2019-02-15',
    ]) {
      await eventAt(company, day.includes('T') ? day : `${day}T12:00:00Z`);
    }
  });

  it('keeps the longest plan window plus the grace period', () => {
    expect(now.getTime() - retentionCutoff(now).getTime()).to.equal(
      (365 + 30) * dayMs,
    );
  });

  describe('one second before a month is wholly outside the cutoff', () => {
    it('drops nothing of that month', async () => {
      const dropped = await dropExpiredAuditPartitions(
        new Date(now.getTime() - 1000),
      );
      expect(dropped).to.not.include('audit_events_y2019m01');
      expect(await names()).to.include('audit_events_y2019m01');
    });
  });

  describe('when a month ends exactly at the cutoff', () => {
    it('drops that month and keeps the next one, which holds younger events', async () => {
      const dropped = await dropExpiredAuditPartitions(now);
      expect(dropped).to.include('audit_events_y2019m01');
      expect(dropped).to.not.include('audit_events_y2019m02');
      const kept = await names();
      expect(kept)
        .to.include('audit_events_y2019m02')
        .and.not.include('audit_events_y2019m01');
      const [row] = await database().query<{ count: string }>(
        `SELECT count(*)::text AS count FROM audit_events WHERE company_id = $1`,
        { bind: [company.id], type: 'SELECT' as never },
      );
      expect(row?.count).to.equal('2');
    });

    it('leaves the default partition alone', async () => {
      const [row] = await database().query<{ name: string | null }>(
        `SELECT to_regclass('audit_events_default')::text AS name`,
        { type: 'SELECT' as never },
      );
      expect(row?.name).to.equal('audit_events_default');
    });

    it('leaves a chain that still verifies from the retention mark', async () => {
      expect(await verifyChain(company.id)).to.include({
        ok: true,
        startsAt: 4,
        checked: 2,
      });
    });
  });

  describe('the daily job', () => {
    it('drops expired months and is safe to run twice', async () => {
      await database().query(`SELECT audit_ensure_partition('2018-06-10')`);
      await auditRetention.handle({} as never, {} as never);
      await auditRetention.handle({} as never, {} as never);
      const kept = await names();
      expect(kept).to.not.include('audit_events_y2018m06');
      const thisMonth = new Date().toISOString().slice(0, 7).replace('-', 'm');
      expect(kept).to.include(`audit_events_y${thisMonth}`);
    });
  });
});
