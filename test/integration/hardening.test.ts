import fs from 'node:fs';
import { expect } from 'chai';
import { QueryTypes } from 'sequelize';
import { buildAuditExport } from '../../core/audit/build-export.js';
import { AuditExport, database, Member } from '../../db/index.js';
import { daysAgo, eventBy, writeEvents } from '../support/audit-fixtures.js';
import {
  createCompany,
  createMember,
  defaultPassword,
} from '../support/factories.js';
import { HttpClient } from '../support/http-client.js';
import { useServer } from '../support/server.js';

async function signedIn(baseUrl: string, email: string) {
  const client = new HttpClient(baseUrl);
  await client.signIn(email, defaultPassword);
  await client.page('/');
  return client;
}

describe('answers to hostile or odd requests', function () {
  this.timeout(60_000);
  let baseUrl: string;
  before(async () => {
    baseUrl = (await useServer()).url;
  });

  describe('in the audit log', () => {
    it('refuses impossible dates with 400 naming the field, on the viewer and the export', async () => {
      const company = await createCompany();
      const admin = await createMember(company, {
        permissions: ['audit_log_view'],
      });
      const client = await signedIn(baseUrl, admin.email);
      for (const from of ['2026-02-30', '2026-04-31', '0000-01-01']) {
        const viewer = await client.page(`/audit-log?from=${from}`);
        expect(viewer.status, from).to.equal(400);
        expect(client.lastBody).to.contain('is not a real date');
      }
      await client.page('/audit-log');
      const response = await client.request('POST', '/audit-log/exports', {
        form: { _csrf: client.csrf(), from: '2026-02-30' },
        headers: { accept: 'application/json' },
      });
      expect(response.status).to.equal(400);
      expect(
        ((await response.json()) as { error: { fields: object } }).error.fields,
      ).to.have.property('from');
    });

    it('treats an out-of-range cursor as the first page, not a server error', async () => {
      const company = await createCompany();
      const admin = await createMember(company, {
        permissions: ['audit_log_view'],
      });
      const client = await signedIn(baseUrl, admin.email);
      for (const raw of [
        '99999999999999999999.1',
        '9223372036854775807.9223372036854775807',
      ]) {
        const cursor = Buffer.from(raw).toString('base64url');
        expect(
          (await client.page(`/audit-log?cursor=${cursor}`)).status,
        ).to.equal(200);
      }
    });

    it('answers 404 for ids that only look like uuids', async () => {
      const company = await createCompany();
      const admin = await createMember(company, {
        permissions: ['audit_log_view'],
      });
      const client = await signedIn(baseUrl, admin.email);
      for (const id of ['0'.repeat(36), '-'.repeat(36)]) {
        expect((await client.page(`/audit-log/exports/${id}`)).status).to.equal(
          404,
        );
        expect(
          (await client.page(`/audit-log/exports/${id}/download`)).status,
        ).to.equal(404);
        expect((await client.post(`/news/${id}/read`)).status).to.equal(404);
      }
    });

    it('limits each member to three exports in progress', async () => {
      const company = await createCompany();
      const admin = await createMember(company, {
        permissions: ['audit_log_view'],
      });
      for (let i = 0; i < 3; i += 1) {
        await AuditExport.create({
          companyId: company.id,
          requestedBy: admin.id,
          filters: {},
        });
      }
      const client = await signedIn(baseUrl, admin.email);
      const response = await client.post('/audit-log/exports', {});
      expect(response.status).to.equal(429);
      expect(await response.text()).to.contain('3 exports in progress');
    });
  });

  describe('downloads', () => {
    it('are private files, never cached, and a HEAD request is not recorded as a download', async () => {
      const company = await createCompany();
      const admin = await createMember(company, {
        permissions: ['audit_log_view'],
      });
      await writeEvents([eventBy(company, admin, daysAgo(1), 'head')]);
      const row = await AuditExport.create({
        companyId: company.id,
        requestedBy: admin.id,
        filters: { asOf: new Date().toISOString() },
      });
      await buildAuditExport(row.id, true);
      await row.reload();
      expect(fs.statSync(row.filePath ?? '').mode & 0o777).to.equal(0o600);

      const client = await signedIn(baseUrl, admin.email);
      const downloads = async () =>
        (
          await database().query<{ n: string }>(
            `SELECT count(*) AS n FROM audit_events WHERE company_id = $1 AND event = 'download'`,
            { bind: [company.id], type: QueryTypes.SELECT },
          )
        )[0]?.n;
      const head = await client.request(
        'HEAD',
        `/audit-log/exports/${row.id}/download`,
      );
      expect(head.status).to.equal(200);
      expect(await downloads()).to.equal('0');
      const get = await client.request(
        'GET',
        `/audit-log/exports/${row.id}/download`,
      );
      expect(get.headers.get('cache-control')).to.equal('no-store');
      expect(await downloads()).to.equal('1');
      expect(
        (await client.page('/audit-log')).headers.get('cache-control'),
      ).to.equal('no-store');
    });
  });

  describe('request bodies', () => {
    it('answers 413 for an oversized body and 415 for an unknown charset', async () => {
      const big = await fetch(`${baseUrl}/sign-in`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: `email=${'a'.repeat(200_000)}`,
      });
      expect(big.status).to.equal(413);
      const charset = await fetch(`${baseUrl}/sign-in`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=koi8-x',
          accept: 'application/json',
        },
        body: '{}',
      });
      expect(charset.status).to.equal(415);
    });
  });

  describe('Bull Board', () => {
    it('lets operator actions through and refuses a form post another site could send', async () => {
      const pause = await fetch(
        `${baseUrl}/ops/queues/api/queues/outbox-sweep/pause`,
        { method: 'PUT' },
      );
      expect(pause.status).to.equal(200);
      await fetch(`${baseUrl}/ops/queues/api/queues/outbox-sweep/resume`, {
        method: 'PUT',
      });
      const form = await fetch(
        `${baseUrl}/ops/queues/api/queues/outbox-sweep/add`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'name=x',
        },
      );
      expect(form.status).to.equal(403);
    });

    it('shows our 404 page for a missing file, without paths or stacks', async () => {
      const response = await fetch(`${baseUrl}/ops/queues/static/nope.js`, {
        headers: { accept: 'text/html' },
      });
      expect(response.status).to.equal(404);
      const body = await response.text();
      expect(body).to.contain('This page does not exist.');
      expect(body).not.to.contain('node_modules');
    });
  });

  describe('admin permissions', () => {
    it('turns an admin whose last permission is revoked back into a member', async () => {
      const company = await createCompany();
      const owner = await createMember(company, { role: 'super_admin' });
      const admin = await createMember(company, {
        permissions: ['audit_log_view'],
      });
      const client = await signedIn(baseUrl, owner.email);
      await client.page('/settings/admin-permissions');
      await client.post(`/settings/admin-permissions/${admin.id}`, {});
      expect((await Member.findByPk(admin.id))?.role).to.equal('member');
    });
  });
});
