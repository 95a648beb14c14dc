import { expect } from 'chai';
import { QueryTypes } from 'sequelize';
import { database, type Member, Session } from '../../../db/index.js';
import { queueFor } from '../../../core/queues/index.js';
import { unblockJobId } from '../../../core/otp-policy/unblock.js';
import {
  createCompany,
  createMember,
  defaultPassword,
} from '../../support/factories.js';
import { HttpClient } from '../../support/http-client.js';
import { useServer } from '../../support/server.js';
import {
  auditEventsOf,
  codeAt,
  enableOtp,
  enrol,
  otpRow,
  signInToOtpStep,
  wrongCode,
} from './otp-fixtures.js';

describe('Member OTP reset', () => {
  let baseUrl: string;
  before(async () => {
    baseUrl = (await useServer()).url;
  });

  async function setUp() {
    const company = await createCompany();
    await enableOtp(company);
    const admin = await createMember(company, {
      permissions: ['otp_settings'],
    });
    const member = await createMember(company);
    const secret = await enrol(member);
    const adminSecret = await enrol(admin);
    return { company, admin, adminSecret, member, secret };
  }

  async function adminClient(admin: Member, adminSecret?: string) {
    const client = new HttpClient(baseUrl);
    if (!adminSecret) {
      await client.signIn(admin.email, defaultPassword);
      return client;
    }
    await signInToOtpStep(client, admin);
    expect(
      (await client.post('/sign-in/otp', { code: await codeAt(adminSecret) }))
        .status,
    ).to.equal(303);
    return client;
  }

  describe('by an admin with OTP settings', () => {
    it('clears secret, count and block at once, removes the unblock job, ends sessions and tells the member', async () => {
      const { admin, adminSecret, member, secret } = await setUp();
      const memberClient = new HttpClient(baseUrl);
      await signInToOtpStep(memberClient, member);
      const other = new HttpClient(baseUrl);
      await signInToOtpStep(other, member);
      for (let i = 0; i < 10; i += 1)
        await other.post('/sign-in/otp', { code: await wrongCode(secret) });
      expect((await otpRow(member.id)).otp_blocked_until).to.not.equal(null);
      expect(
        await queueFor('otp-unblock').getJob(unblockJobId(member.id)),
      ).to.not.equal(undefined);

      const client = await adminClient(admin, adminSecret);
      const list = await client.page('/settings/security/otp/members');
      expect(list.status).to.equal(200);
      expect(client.lastBody).to.include(member.email).and.include('Blocked');
      const response = await client.post(
        `/settings/security/otp/members/${member.id}/reset`,
      );
      expect(response.status).to.equal(303);

      const row = await otpRow(member.id);
      expect(row).to.include({
        otp_secret_encrypted: null,
        otp_enrolled_at: null,
        otp_failure_count: 0,
        otp_blocked_until: null,
        otp_last_time_step: null,
      });
      expect(
        await queueFor('otp-unblock').getJob(unblockJobId(member.id)),
      ).to.equal(undefined);
      expect(
        await Session.count({
          where: { memberId: member.id, revokedAt: null },
        }),
      ).to.equal(0);

      const [event] = await auditEventsOf(member.id, 'otp_member_reset');
      expect(event?.actor_id).to.equal(admin.id);
      expect(event?.details).to.include({
        wasEnrolled: true,
        wasBlocked: true,
      });
      const news = await database().query<{ kind: string }>(
        'SELECT kind FROM news WHERE member_id = $1',
        { bind: [member.id], type: QueryTypes.SELECT },
      );
      expect(news.map((n) => n.kind)).to.include('otp_reset');
      const mails = await database().query<{ template: string }>(
        'SELECT template FROM email_messages WHERE member_id = $1',
        { bind: [member.id], type: QueryTypes.SELECT },
      );
      expect(mails.map((m) => m.template)).to.include('otp-reset');

      const again = new HttpClient(baseUrl);
      await again.signIn(member.email, defaultPassword);
      const home = await again.page('/');
      expect(home.headers.get('location')).to.equal('/sign-in/otp/enrol');
    });
  });

  describe('across companies or without the permission', () => {
    it('answers 404 for another company’s member and 403 without OTP settings', async () => {
      const { member } = await setUp();
      const elsewhere = await createCompany();
      const foreignAdmin = await createMember(elsewhere, {
        permissions: ['otp_settings'],
      });
      const client = await adminClient(foreignAdmin);
      await client.page('/settings/security/otp/members');
      expect(client.lastBody).to.not.include(member.email);
      const response = await client.post(
        `/settings/security/otp/members/${member.id}/reset`,
      );
      expect(response.status).to.equal(404);
      expect((await otpRow(member.id)).otp_enrolled_at).to.not.equal(null);

      const plain = await createMember(elsewhere, {
        permissions: ['audit_log_view'],
      });
      const plainClient = await adminClient(plain);
      expect(
        (await plainClient.page('/settings/security/otp/members')).status,
      ).to.equal(403);
    });
  });

  describe("of a super admin's second factor", () => {
    it('is refused to an admin holding OTP settings', async () => {
      const { company, admin, adminSecret } = await setUp();
      const owner = await createMember(company, { role: 'super_admin' });
      await enrol(owner);
      const client = await adminClient(admin, adminSecret);
      await client.page('/settings/security/otp/members');
      const refused = await client.post(
        `/settings/security/otp/members/${owner.id}/reset`,
      );
      expect(refused.status).to.equal(404);
      expect((await otpRow(owner.id)).otp_enrolled_at).to.not.equal(null);
    });
  });

  describe('from the member list', () => {
    it('offers the row action to admins with OTP settings only', async () => {
      const { admin, adminSecret, member } = await setUp();
      const client = await adminClient(admin, adminSecret);
      await client.page('/members');
      expect(client.lastBody).to.include(
        `/settings/security/otp/members/${member.id}/reset`,
      );
      const response = await client.post(
        `/settings/security/otp/members/${member.id}/reset`,
      );
      expect(response.status).to.equal(303);
      expect((await otpRow(member.id)).otp_enrolled_at).to.equal(null);

      const company = await createCompany();
      const other = await createMember(company, {
        permissions: ['login_settings'],
      });
      const otherClient = await adminClient(other);
      await otherClient.page('/members');
      expect(otherClient.lastBody).to.not.include(
        '/settings/security/otp/members/',
      );
    });
  });
});
