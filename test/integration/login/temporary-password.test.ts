import { expect } from 'chai';
import { EmailMessage, Member, Session } from '../../../db/index.js';
import { tempPasswordExpiry } from '../../../workers/jobs/temp-password-expiry.js';
import { temporaryPasswordExpiredMessage } from '../../../core/login/sign-in-gate.js';
import {
  createCompany,
  createMember,
  defaultPassword,
} from '../../support/factories.js';
import { HttpClient } from '../../support/http-client.js';
import { useServer } from '../../support/server.js';
import { alertText, auditEventsFor, fakeJob } from './helpers.js';

const chosen = 'my own new passphrase 314';

describe('temporary passwords', () => {
  let baseUrl: string;
  before(async () => {
    baseUrl = (await useServer()).url;
  });

  async function issue(issuerRole: 'super_admin' | 'admin') {
    const company = await createCompany();
    const issuer =
      issuerRole === 'super_admin'
        ? await createMember(company, { role: 'super_admin' })
        : await createMember(company, { permissions: ['login_settings'] });
    const member = await createMember(company);
    const admin = new HttpClient(baseUrl);
    await admin.signIn(issuer.email, defaultPassword);
    await admin.page('/members');
    const response = await admin.post(
      `/members/${member.id}/temporary-password`,
    );
    const body = await response.text();
    const password = /<code id="temporary-password">([^<]+)<\/code>/
      .exec(body)?.[1]
      ?.replace(/&amp;/g, '&')
      .replace(/&#x3D;/g, '=')
      .replace(/&#x60;/g, '`');
    return { company, issuer, member, admin, response, body, password };
  }

  describe('issued by a super admin', () => {
    it('shows it once, emails it, ends the member’s sessions and audits the issuance', async () => {
      const company = await createCompany();
      const superAdmin = await createMember(company, { role: 'super_admin' });
      const member = await createMember(company);
      const memberClient = new HttpClient(baseUrl);
      await memberClient.signIn(member.email, defaultPassword);
      const admin = new HttpClient(baseUrl);
      await admin.signIn(superAdmin.email, defaultPassword);
      const list = await admin.page('/members');
      expect(await list.clone().text()).to.include(
        `/members/${member.id}/temporary-password`,
      );
      const response = await admin.post(
        `/members/${member.id}/temporary-password`,
      );
      expect(response.status).to.equal(200);
      expect(response.headers.get('cache-control')).to.equal('no-store');
      expect(
        await Session.count({
          where: { memberId: member.id, revokedAt: null },
        }),
      ).to.equal(0);
      const email = await EmailMessage.findOne({
        where: { memberId: member.id, template: 'temporary-password' },
      });
      expect(String(email?.data.password)).to.have.length.of.at.least(16);
      const after = await Member.findByPk(member.id);
      const hours =
        (after!.temporaryPasswordExpiresAt!.getTime() - Date.now()) / 3600_000;
      expect(hours).to.be.closeTo(24, 0.01);
      const event = (await auditEventsFor(member.id)).find(
        (e) => e.information_type === 'temporary_password_issuance',
      );
      expect(event?.actor_id).to.equal(superAdmin.id);
      expect(JSON.stringify(event?.details)).to.not.include(
        String(email?.data.password),
      );
    });

    it('forces a new password at once on sign-in and then works no more', async () => {
      const { member, password } = await issue('super_admin');
      const client = new HttpClient(baseUrl);
      const signIn = await client.signIn(member.email, password ?? '');
      expect(signIn.status).to.equal(303);
      expect((await client.page('/')).headers.get('location')).to.equal(
        '/sign-in/password',
      );
      expect(
        (await new HttpClient(baseUrl).signIn(member.email, password ?? ''))
          .status,
      ).to.equal(401);

      await client.page('/sign-in/password');
      const weak = await client.post('/sign-in/password', {
        password: 'password1',
        confirm: 'password1',
      });
      expect(weak.status).to.equal(400);
      await client.page('/sign-in/password');
      const kept = await client.post('/sign-in/password', {
        password: password ?? '',
        confirm: password ?? '',
      });
      expect(kept.status, 'keeping the temporary password').to.equal(400);
      expect(await kept.text()).to.contain('must be different');
      const set = await client.post('/sign-in/password', {
        password: chosen,
        confirm: chosen,
      });
      expect(set.status).to.equal(303);
      expect((await client.page('/')).status).to.equal(200);
      expect(
        (await new HttpClient(baseUrl).signIn(member.email, chosen)).status,
      ).to.equal(303);
    });

    it('is refused after 24 hours, even if its job never ran', async () => {
      const { member, password } = await issue('super_admin');
      await Member.update(
        { temporaryPasswordExpiresAt: new Date(Date.now() - 1000) },
        { where: { id: member.id } },
      );
      const response = await new HttpClient(baseUrl).signIn(
        member.email,
        password ?? '',
      );
      expect(response.status).to.equal(401);
      expect(alertText(await response.text())).to.equal(
        temporaryPasswordExpiredMessage,
      );
    });

    it('is voided by the temp-password-expiry job when unused, once, and leaves no copy in the sent email', async () => {
      const { member } = await issue('super_admin');
      // As if the worker had sent it.
      await EmailMessage.update(
        { status: 'sent' },
        { where: { memberId: member.id, template: 'temporary-password' } },
      );
      await tempPasswordExpiry.handle(
        fakeJob({ memberId: member.id }),
        {} as never,
      );
      expect(
        (await Member.scope('withSecrets').findByPk(member.id))?.passwordHash,
      ).to.be.a('string');
      await Member.update(
        { temporaryPasswordExpiresAt: new Date(Date.now() - 1000) },
        { where: { id: member.id } },
      );
      await tempPasswordExpiry.handle(
        fakeJob({ memberId: member.id }),
        {} as never,
      );
      await tempPasswordExpiry.handle(
        fakeJob({ memberId: member.id }),
        {} as never,
      );
      const after = await Member.scope('withSecrets').findByPk(member.id);
      expect(after?.passwordHash).to.equal(null);
      expect(after?.temporaryPasswordExpiresAt).to.equal(null);
      const email = await EmailMessage.findOne({
        where: { memberId: member.id, template: 'temporary-password' },
      });
      expect(email?.data).to.not.have.property('password');
      const expiries = (await auditEventsFor(member.id)).filter(
        (e) => e.details.change === 'temporary password expired unused',
      );
      expect(expiries).to.have.length(1);
    });
  });

  describe('asked for by an admin with Login settings', () => {
    it('is refused, and the member list offers no such button', async () => {
      const { admin, member, response } = await issue('admin');
      expect(response.status).to.equal(403);
      expect(admin.lastBody).to.not.include('temporary-password');
      expect(
        (await Member.findByPk(member.id))?.temporaryPasswordExpiresAt,
      ).to.equal(null);
    });
  });

  describe('for a member of another company', () => {
    it('answers 404', async () => {
      const { admin } = await issue('super_admin');
      const stranger = await createMember(await createCompany());
      await admin.page('/members');
      expect(
        (await admin.post(`/members/${stranger.id}/temporary-password`)).status,
      ).to.equal(404);
    });
  });
});
