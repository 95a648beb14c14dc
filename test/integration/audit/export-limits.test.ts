import { expect } from 'chai';
import { buildAuditExport } from '../../../core/audit/build-export.js';
import { auditFiltersSchema } from '../../../core/audit/filters.js';
import { recordAudit } from '../../../core/audit/record.js';
import { requestAuditExport } from '../../../core/audit/request-export.js';
import { AuditExport, type Company, type Member } from '../../../db/index.js';
import { createCompany, createMember } from '../../support/factories.js';
import { useServer } from '../../support/server.js';
import {
  findOpenpyxl,
  type ReadSheet,
} from '../../unit/export/openpyxl-reader.js';
import { signedIn } from './audit-helpers.js';

const openpyxl = findOpenpyxl();

async function exportFor(
  requester: Member,
  company: Company,
  filters: Record<string, unknown> = {},
  maxRowsPerSheet?: number,
) {
  const requested = await requestAuditExport(
    requester,
    company,
    auditFiltersSchema.parse(filters),
  );
  await buildAuditExport(requested.id, true, { maxRowsPerSheet });
  const built = await AuditExport.findByPk(requested.id);
  expect(built?.status).to.equal('ready');
  return built as AuditExport;
}

async function sheetsOf(
  this: Mocha.Context,
  file: string,
): Promise<ReadSheet[]> {
  if (!openpyxl) {
    if (process.env.CI) throw new Error('python3-openpyxl is missing');
    this.skip();
  }
  return openpyxl(file);
}

const column = (sheet: ReadSheet | undefined, index: number) =>
  (sheet?.rows ?? []).slice(1).map((row) => row[index]?.v);

describe('audit exports at the limits', () => {
  let baseUrl: string;
  before(async () => {
    baseUrl = (await useServer()).url;
  });

  describe('over the rows a sheet may hold', () => {
    it('continues on further sheets, nothing lost, after an About sheet', async function () {
      const company = await createCompany();
      const admin = await createMember(company, { role: 'super_admin' });
      const inputs = Array.from({ length: 25 }, (_, n) => ({
        companyId: company.id,
        actor: {
          id: admin.id,
          name: `Actor ${String(n).padStart(2, '0')}`,
          organizationId: null,
        },
        activityType: 'login' as const,
        event: 'create' as const,
        informationType: 'authentication_token' as const,
        context: { ip: null, deviceId: null, userAgent: null },
        occurredAt: new Date(Date.now() - (25 - n) * 1000),
      }));
      await recordAudit(inputs);
      const built = await exportFor(
        admin,
        company,
        { activityType: 'login' },
        10,
      );
      expect(built.rowCount).to.equal(25);

      const sheets = await sheetsOf.call(this, built.filePath ?? '');
      expect(sheets.map((sheet) => sheet.name)).to.deep.equal([
        'About this export',
        'Events',
        'Events 2',
        'Events 3',
      ]);
      expect(sheets.slice(1).map((sheet) => sheet.rowCount)).to.deep.equal([
        11, 11, 6,
      ]);
      expect(sheets[2]?.rows[0]?.[0]?.v).to.match(/^Time \(UTC\)/);
      const actors = sheets.slice(1).flatMap((sheet) => column(sheet, 1));
      expect(actors).to.deep.equal(
        inputs.map((input) => input.actor.name).reverse(),
      );
      const about = JSON.stringify(sheets[0]?.rows);
      expect(about)
        .to.include('Rows')
        .and.include('25')
        .and.include(admin.email);
    });
  });

  describe('with text a spreadsheet would misread', () => {
    it('neutralises formulas, drops XML-forbidden characters and marks cut cells', async function () {
      const company = await createCompany();
      const admin = await createMember(company, { role: 'super_admin' });
      await recordAudit({
        companyId: company.id,
        actor: {
          id: admin.id,
          name: '=HYPERLINK("http://evil.example","x")',
          organizationId: null,
        },
        activityType: 'personal_information_access',
        event: 'view',
        informationType: 'personal',
        target: { id: admin.id, name: '+1-555\u0007bell' },
        context: {
          ip: null,
          deviceId: '@SUM(A1)',
          userAgent: `-${'x'.repeat(40_000)}`,
        },
      });
      const built = await exportFor(admin, company);
      const [, events] = await sheetsOf.call(this, built.filePath ?? '');
      const [row] = (events?.rows ?? []).slice(1);
      expect(row?.every((cell) => cell.t !== 'f')).to.equal(true);
      expect(row?.[1]?.v).to.equal('\'=HYPERLINK("http://evil.example","x")');
      expect(row?.[6]?.v).to.equal("'+1-555bell");
      expect(row?.[9]?.v).to.equal("'@SUM(A1)");
      const agent = String(row?.[10]?.v);
      expect(agent.length).to.be.at.most(32_767);
      expect(agent).to.match(/^'-x+… \[truncated, \d+ characters omitted\]$/);
    });
  });

  describe('tenant isolation', () => {
    it('keeps other companies out of the viewer, the export and the download', async function () {
      const mine = await createCompany();
      const theirs = await createCompany();
      const admin = await createMember(mine, {
        role: 'super_admin',
        name: 'Mine Admin',
      });
      const stranger = await createMember(theirs, {
        role: 'super_admin',
        name: 'Stranger Theirs',
      });
      const base = {
        activityType: 'login' as const,
        event: 'create' as const,
        informationType: 'authentication_token' as const,
        context: { ip: null, deviceId: null, userAgent: null },
      };
      await recordAudit([
        {
          ...base,
          companyId: mine.id,
          actor: { id: admin.id, name: admin.name, organizationId: null },
        },
        {
          ...base,
          companyId: theirs.id,
          actor: { id: stranger.id, name: stranger.name, organizationId: null },
        },
      ]);

      const client = await signedIn(baseUrl, admin);
      await client.page('/audit-log');
      expect(client.lastBody)
        .to.include('Mine Admin')
        .and.not.include('Stranger Theirs');
      await client.page(`/audit-log?member=${stranger.id}`);
      expect(client.lastBody).to.not.include('Stranger Theirs');

      const built = await exportFor(admin, mine, {
        member: [admin.id, stranger.id],
      });
      const [, events] = await sheetsOf.call(this, built.filePath ?? '');
      expect(column(events, 1))
        .to.include('Mine Admin')
        .and.not.include('Stranger Theirs');

      const outsider = await signedIn(baseUrl, stranger);
      const response = await outsider.request(
        'GET',
        `/audit-log/exports/${built.id}/download`,
      );
      expect(response.status).to.equal(404);
      expect(
        (await outsider.page(`/audit-log/exports/${built.id}`)).status,
      ).to.equal(404);
    });
  });
});
