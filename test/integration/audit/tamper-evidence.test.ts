import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { QueryTypes } from 'sequelize';
import { recordAudit, type AuditInput } from '../../../core/audit/record.js';
import { verifyChain } from '../../../core/audit/verify-chain.js';
import { database, type Company } from '../../../db/index.js';
import { createCompany } from '../../support/factories.js';
import { useDatabase } from '../../support/services.js';

const run = promisify(execFile);

function loginEvent(company: Company, n: number): AuditInput {
  return {
    companyId: company.id,
    actor: null,
    activityType: 'login',
    event: 'create',
    informationType: 'authentication_token',
    context: {
      ip: '192.0.2.1',
      deviceId: `device-${n}`,
      userAgent: 'tamper-test',
    },
    details: { n, nested: { b: 2, a: 1 } },
  };
}

async function companyWithEvents(count: number): Promise<Company> {
  const company = await createCompany();
  for (let n = 1; n <= count; n += 1) await recordAudit(loginEvent(company, n));
  return company;
}

// As the superuser, with ordinary triggers off for this transaction only:
// what an intruder with database access could do.
async function tamper(sql: string, bind: unknown[]): Promise<void> {
  await database().transaction(async (transaction) => {
    await database().query('SET LOCAL session_replication_role = replica', {
      transaction,
    });
    await database().query(sql, { bind, transaction });
  });
}

async function verifyCli(companyId: string) {
  const url = process.env.DATABASE_URL ?? '';
  try {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'bin/audit-verify.ts', '--company', companyId],
      {
        env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' },
      },
    );
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
}

describe('audit tamper evidence', () => {
  before(async () => {
    await useDatabase();
  });

  describe('the hash chain', () => {
    it('holds for events recorded normally, nested details included', async () => {
      const company = await companyWithEvents(5);
      const verdict = await verifyChain(company.id, 2);
      expect(verdict).to.include({
        ok: true,
        checked: 5,
        startsAt: 1,
        lastSeq: 5,
      });
    });

    it('names the first broken link when a row is altered directly in the database', async () => {
      const company = await companyWithEvents(6);
      await tamper(
        `UPDATE audit_events SET details = details || '{"n": 99}' WHERE company_id = $1 AND chain_seq = 4`,
        [company.id],
      );
      const verdict = await verifyChain(company.id);
      expect(verdict.ok).to.equal(false);
      expect(verdict.broken).to.include({ chainSeq: 4 });
      expect(verdict.broken?.reason).to.include('altered');
      expect(verdict.checked).to.equal(3);
    });

    it('catches a row removed from the middle', async () => {
      const company = await companyWithEvents(5);
      await tamper(
        'DELETE FROM audit_events WHERE company_id = $1 AND chain_seq = 3',
        [company.id],
      );
      const verdict = await verifyChain(company.id);
      expect(verdict.broken).to.include({ chainSeq: 4 });
      expect(verdict.broken?.reason).to.include('removed');
    });

    it('catches the last row removed, through the chain head', async () => {
      const company = await companyWithEvents(3);
      await tamper(
        'DELETE FROM audit_events WHERE company_id = $1 AND chain_seq = 3',
        [company.id],
      );
      const verdict = await verifyChain(company.id);
      expect(verdict.ok).to.equal(false);
      expect(verdict.broken?.reason).to.include('chain head');
    });

    it('keeps one unbroken chain under 20 concurrent writers', async () => {
      const company = await createCompany();
      await Promise.all(
        Array.from({ length: 20 }, (_, n) =>
          recordAudit(loginEvent(company, n)),
        ),
      );
      const seqs = await database().query<{ chain_seq: string }>(
        'SELECT chain_seq FROM audit_events WHERE company_id = $1 ORDER BY chain_seq',
        { bind: [company.id], type: QueryTypes.SELECT },
      );
      expect(seqs.map((row) => Number(row.chain_seq))).to.deep.equal(
        Array.from({ length: 20 }, (_, n) => n + 1),
      );
      expect(await verifyChain(company.id)).to.include({
        ok: true,
        checked: 20,
      });
    });
  });

  describe('npm run audit:verify', () => {
    it('exits 0 for a sound chain and non-zero naming the broken event otherwise', async function () {
      this.timeout(60_000);
      const company = await companyWithEvents(3);
      const sound = await verifyCli(company.id);
      expect(sound.code).to.equal(0);
      expect(sound.stdout).to.include('3 events checked');

      await tamper(
        `UPDATE audit_events SET ip = '198.51.100.7' WHERE company_id = $1 AND chain_seq = 2`,
        [company.id],
      );
      const broken = await verifyCli(company.id);
      expect(broken.code).to.equal(1);
      expect(broken.stdout).to.include('First broken link: event 2');
    });
  });

  describe('the audit table', () => {
    let company: Company;
    before(async () => {
      company = await companyWithEvents(1);
    });

    for (const [name, sql] of [
      [
        'UPDATE',
        `UPDATE audit_events SET outcome = 'failure' WHERE company_id = $1`,
      ],
      ['DELETE', 'DELETE FROM audit_events WHERE company_id = $1'],
    ] as const) {
      it(`refuses ${name}`, async () => {
        const error = await database()
          .query(sql, { bind: [company.id] })
          .then(
            () => null,
            (caught: Error) => caught,
          );
        expect(error?.message).to.include(`append-only (${name} refused)`);
      });
    }

    it('refuses TRUNCATE', async () => {
      const error = await database()
        .query('TRUNCATE audit_events')
        .then(
          () => null,
          (caught: Error) => caught,
        );
      expect(error?.message).to.include('append-only');
    });
  });
});
