import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import {
  editableFields,
  profileSections,
} from '../../../core/profiles/sections.js';
import { AuditExport, type Company, type Member } from '../../../db/index.js';
import {
  createCompany,
  createMember,
  defaultPassword,
} from '../../support/factories.js';
import { HttpClient } from '../../support/http-client.js';
import { useServer } from '../../support/server.js';
import {
  eventsOf,
  lastSeq,
  signedIn,
  type StoredEvent,
} from './audit-helpers.js';

const userAgent = 'event-kinds/2.0 (test)';

describe('every audit event kind', () => {
  let baseUrl: string;
  let company: Company;
  let superAdmin: Member;
  let target: Member;
  let client: HttpClient;

  before(async () => {
    baseUrl = (await useServer()).url;
    company = await createCompany();
    superAdmin = await createMember(company, { role: 'super_admin' });
    target = await createMember(company);
    client = await signedIn(baseUrl, superAdmin, userAgent);
  });

  // Runs the action and returns the events it wrote, each checked for the
  // request's device id and user agent.
  async function recorded(
    action: () => Promise<unknown>,
    by = client,
  ): Promise<StoredEvent[]> {
    const before = await lastSeq(company.id);
    await action();
    const events = await eventsOf(company.id, before);
    for (const event of events) {
      expect(event.device_id, 'device id').to.equal(by.cookie('gh_device'));
      expect(event.user_agent, 'user agent').to.equal(userAgent);
      expect(event.ip, 'ip').to.equal('127.0.0.1');
    }
    return events;
  }

  const kind = (event: StoredEvent | undefined) =>
    event &&
    [
      event.activity_type,
      event.event,
      event.information_type,
      event.outcome,
    ].join(' / ');

  describe('login', () => {
    it('records a successful sign-in as login / create / authentication token', async () => {
      const fresh = new HttpClient(baseUrl, { 'user-agent': userAgent });
      const events = await recorded(
        () => fresh.signIn(target.email, defaultPassword),
        fresh,
      );
      expect(events.map(kind)).to.deep.equal([
        'login / create / authentication_token / success',
      ]);
    });

    it('records a failed sign-in with the failure outcome', async () => {
      const fresh = new HttpClient(baseUrl, { 'user-agent': userAgent });
      const events = await recorded(
        () => fresh.signIn(target.email, 'wrong password entirely'),
        fresh,
      );
      expect(events.map(kind)).to.include(
        'login / create / authentication_token / failure',
      );
    });

    it('records a sign-out as login / delete / authentication token', async () => {
      const member = await signedIn(baseUrl, target, userAgent);
      const events = await recorded(() => member.post('/sign-out'), member);
      expect(events.map(kind)).to.deep.equal([
        'login / delete / authentication_token / success',
      ]);
    });
  });

  describe('permission change', () => {
    it('records a grant as create and a revocation as delete of an admin permission', async () => {
      const admin = await createMember(company, { role: 'admin' });
      await client.page('/settings/admin-permissions');
      const granted = await recorded(() =>
        client.post(`/settings/admin-permissions/${admin.id}`, {
          permission: 'audit_log_view',
        }),
      );
      expect(granted.map(kind)).to.deep.equal([
        'permission_change / create / admin_permission / success',
      ]);
      expect(granted[0]?.target_member_id).to.equal(admin.id);
      await client.page('/settings/admin-permissions');
      const revoked = await recorded(() =>
        client.post(`/settings/admin-permissions/${admin.id}`, {}),
      );
      expect(revoked.map(kind)).to.deep.equal([
        'permission_change / delete / admin_permission / success',
      ]);
    });
  });

  describe('personal information access', () => {
    for (const section of profileSections) {
      it(`records view, edit and download of ${section}`, async () => {
        const url = `/members/${target.id}/profile/${section}`;
        const viewed = await recorded(() => client.page(url));
        expect(viewed.map(kind)).to.deep.equal([
          `personal_information_access / view / ${section} / success`,
        ]);
        expect(viewed[0]?.target_member_id).to.equal(target.id);

        const fields = editableFields(section);
        const text = fields.find((f) => f.kind === 'text' && !f.masked);
        const [field, value] = text
          ? [text.key, `New ${section}`]
          : [fields.find((f) => f.kind === 'boolean')?.key ?? '', 'true'];
        expect(client.lastBody).to.include(`name="${field}"`);
        const edited = await recorded(() =>
          client.post(url, { [field]: value }),
        );
        expect(edited.map(kind)).to.deep.equal([
          `personal_information_access / edit / ${section} / success`,
        ]);
        expect(edited[0]?.details).to.deep.equal({ fields: [field] });

        const downloaded = await recorded(() =>
          client
            .request(
              'GET',
              `/members/profiles/download?section=${section}&format=csv`,
            )
            .then((r) => r.text()),
        );
        expect(downloaded.map(kind)).to.deep.equal([
          `personal_information_access / download / ${section} / success`,
        ]);
      });
    }

    it('records the download of an audit log export as download / other', async () => {
      const filePath = path.join(
        await fs.mkdtemp(path.join(os.tmpdir(), 'gh-export-')),
        'export.xlsx',
      );
      await fs.writeFile(filePath, 'not really a workbook');
      const ready = await AuditExport.create({
        companyId: company.id,
        requestedBy: superAdmin.id,
        filters: {},
        status: 'ready',
        rowCount: 1,
        filePath,
        expiresAt: new Date(Date.now() + 86_400_000),
      });
      const events = await recorded(async () => {
        const response = await client.request(
          'GET',
          `/audit-log/exports/${ready.id}/download`,
        );
        expect(response.status).to.equal(200);
        await response.arrayBuffer();
      });
      expect(events.map(kind)).to.deep.equal([
        'personal_information_access / download / other / success',
      ]);
      expect(events[0]?.details).to.include({ exportId: ready.id });
    });
  });
});
