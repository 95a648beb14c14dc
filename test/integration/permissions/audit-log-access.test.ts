import { expect } from 'chai';
import { AuditExport } from '../../../db/index.js';
import {
  createCompany,
  createMember,
  defaultPassword,
} from '../../support/factories.js';
import { HttpClient } from '../../support/http-client.js';
import { useServer } from '../../support/server.js';

async function signedIn(baseUrl: string, email: string) {
  const client = new HttpClient(baseUrl);
  await client.signIn(email, defaultPassword);
  await client.page('/');
  return client;
}

describe('audit log permissions', () => {
  let baseUrl: string;
  before(async () => {
    baseUrl = (await useServer()).url;
  });

  describe('an admin without Audit log view', () => {
    it('gets 403 on the viewer, the export request and the download', async () => {
      const company = await createCompany();
      const admin = await createMember(company, {
        permissions: ['otp_settings', 'login_settings'],
      });
      const ready = await AuditExport.create({
        companyId: company.id,
        requestedBy: admin.id,
        filters: {},
        status: 'ready',
        filePath: '/nonexistent.xlsx',
        expiresAt: new Date(Date.now() + 86_400_000),
      });
      const client = await signedIn(baseUrl, admin.email);

      expect((await client.page('/audit-log')).status).to.equal(403);
      expect((await client.post('/audit-log/exports', {})).status).to.equal(
        403,
      );
      expect(
        (await client.page(`/audit-log/exports/${ready.id}/download`)).status,
      ).to.equal(403);
    });

    it('shows a member without any permission the 403 page, not a stack trace', async () => {
      const company = await createCompany();
      const member = await createMember(company);
      const client = await signedIn(baseUrl, member.email);
      const response = await client.page('/audit-log');
      expect(response.status).to.equal(403);
      const body = await response.text();
      expect(body).to.contain('You do not have permission to open this page.');
      expect(body).not.to.match(/at .*\.ts:\d+/);
    });
  });

  describe('an admin of another company', () => {
    it("gets 404 for the company's export, its status page and its download", async () => {
      const companyA = await createCompany();
      const companyB = await createCompany();
      const adminA = await createMember(companyA, {
        permissions: ['audit_log_view'],
      });
      const adminB = await createMember(companyB, {
        permissions: ['audit_log_view'],
      });
      const exportOfB = await AuditExport.create({
        companyId: companyB.id,
        requestedBy: adminB.id,
        filters: {},
        status: 'ready',
        filePath: '/nonexistent.xlsx',
        expiresAt: new Date(Date.now() + 86_400_000),
      });
      const client = await signedIn(baseUrl, adminA.email);
      expect(
        (await client.page(`/audit-log/exports/${exportOfB.id}`)).status,
      ).to.equal(404);
      expect(
        (await client.page(`/audit-log/exports/${exportOfB.id}/download`))
          .status,
      ).to.equal(404);
    });

    it("cannot change the permissions of another company's member", async () => {
      const companyA = await createCompany();
      const companyB = await createCompany();
      const superA = await createMember(companyA, { role: 'super_admin' });
      const adminB = await createMember(companyB, {
        permissions: ['audit_log_view'],
      });
      const client = await signedIn(baseUrl, superA.email);
      const response = await client.post(
        `/settings/admin-permissions/${adminB.id}`,
        { permission: ['login_settings'] },
      );
      expect(response.status).to.equal(404);
    });
  });

  describe('an expired export', () => {
    it('answers 410 with a message saying so', async () => {
      const company = await createCompany();
      const admin = await createMember(company, {
        permissions: ['audit_log_view'],
      });
      const old = await AuditExport.create({
        companyId: company.id,
        requestedBy: admin.id,
        filters: {},
        status: 'ready',
        filePath: '/nonexistent.xlsx',
        expiresAt: new Date(Date.now() - 1000),
      });
      const client = await signedIn(baseUrl, admin.email);
      const response = await client.page(
        `/audit-log/exports/${old.id}/download`,
      );
      expect(response.status).to.equal(410);
      expect(await response.text()).to.contain('This export has expired');
    });
  });
});
