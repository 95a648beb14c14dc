import { expect } from 'chai';
import { Company } from '../../../db/index.js';
import {
  createCompany,
  createMember,
  defaultPassword,
} from '../../support/factories.js';
import { HttpClient } from '../../support/http-client.js';
import { useServer } from '../../support/server.js';
import { auditEventsOf, enableOtp, enrol } from './otp-fixtures.js';
import { database } from '../../../db/index.js';
import { QueryTypes } from 'sequelize';

async function settingEvents(companyId: string) {
  return database().query<{ details: Record<string, unknown> }>(
    `SELECT details FROM audit_events WHERE company_id = $1
       AND information_type = 'otp_setting_change' ORDER BY chain_seq`,
    { bind: [companyId], type: QueryTypes.SELECT },
  );
}

describe('2-step authentication settings', () => {
  let baseUrl: string;
  before(async () => {
    baseUrl = (await useServer()).url;
  });

  async function adminOf() {
    const company = await createCompany();
    const admin = await createMember(company, {
      permissions: ['otp_settings'],
    });
    const client = new HttpClient(baseUrl);
    await client.signIn(admin.email, defaultPassword);
    expect((await client.page('/settings/security/otp')).status).to.equal(200);
    return { company, admin, client };
  }

  describe('the company switch', () => {
    it('turns OTP on for all members, audited, and sends a member to enrolment', async () => {
      const { company, client } = await adminOf();
      const version =
        /name="version" value="(\d+)"/.exec(client.lastBody)?.[1] ?? '';
      const response = await client.post('/settings/security/otp', {
        version,
        enabled: 'on',
      });
      expect(response.status).to.equal(303);
      await company.reload();
      expect(company.otpSettings).to.include({
        enabled: true,
        requireAfterGoogle: false,
      });
      const [event] = await settingEvents(company.id);
      expect(event?.details).to.deep.equal({
        enabled: { from: false, to: true },
      });

      const member = await createMember(company);
      const memberClient = new HttpClient(baseUrl);
      await memberClient.signIn(member.email, defaultPassword);
      expect((await memberClient.page('/')).headers.get('location')).to.equal(
        '/sign-in/otp/enrol',
      );
    });

    it('refuses a stale form with 409', async () => {
      const { company, client } = await adminOf();
      await Company.update(
        { settingsVersion: 99 },
        { where: { id: company.id } },
      );
      const response = await client.post('/settings/security/otp', {
        version: '1',
        enabled: 'on',
      });
      expect(response.status).to.equal(409);
    });

    it('is closed to admins without OTP settings', async () => {
      const company = await createCompany();
      const admin = await createMember(company, {
        permissions: ['login_settings'],
      });
      const client = new HttpClient(baseUrl);
      await client.signIn(admin.email, defaultPassword);
      expect((await client.page('/settings/security/otp')).status).to.equal(
        403,
      );
    });
  });

  describe('OTP-excluded IPs', () => {
    it('saves trimmed entries with labels and audits what was added', async () => {
      const { company, client } = await adminOf();
      const response = await client.post(
        '/settings/security/otp/excluded-ips',
        {
          entries: '  203.0.113.7   Head office \n2001:DB8::/48 VPN\n',
        },
      );
      expect(response.status).to.equal(303);
      await client.page('/settings/security/otp');
      expect(client.lastBody)
        .to.include('203.0.113.7 Head office')
        .and.include('2001:db8::/48 VPN');
      const [event] = await settingEvents(company.id);
      expect(event?.details).to.deep.equal({
        otpExcludedIps: {
          added: ['203.0.113.7', '2001:db8::/48'],
          removed: [],
        },
      });
    });

    it('refuses an invalid entry with a message naming it, and saves nothing', async () => {
      const { company, client } = await adminOf();
      const response = await client.post(
        '/settings/security/otp/excluded-ips',
        { entries: '10.0.0.1\n10.0.0.0/33\n' },
      );
      expect(response.status).to.equal(400);
      expect(await response.text()).to.include('10.0.0.0/33');
      expect(await settingEvents(company.id)).to.have.length(0);
    });

    it('refuses a /0 range, which would exclude every address', async () => {
      const { company, client } = await adminOf();
      for (const entry of ['0.0.0.0/0', '::/0']) {
        await client.page('/settings/security/otp');
        const response = await client.post(
          '/settings/security/otp/excluded-ips',
          { entries: `${entry}\n` },
        );
        expect(response.status).to.equal(400);
        expect(await response.text()).to.include('matches every address');
      }
      expect(await settingEvents(company.id)).to.have.length(0);
    });

    it('refuses more than 100 entries', async () => {
      const { client } = await adminOf();
      const entries = Array.from(
        { length: 101 },
        (_, i) => `10.0.${Math.floor(i / 200)}.${i}`,
      ).join('\n');
      const response = await client.post(
        '/settings/security/otp/excluded-ips',
        { entries },
      );
      expect(response.status).to.equal(400);
      expect(await response.text()).to.match(/100/);
    });

    it('skips OTP from an excluded IP and records why; a neighbouring IP still gets OTP', async () => {
      const { company, client } = await adminOf();
      await enableOtp(company);
      const member = await createMember(company);
      await enrol(member);

      await client.post('/settings/security/otp/excluded-ips', {
        entries: '127.0.0.2\n127.0.0.0/32',
      });
      const near = new HttpClient(baseUrl);
      await near.signIn(member.email, defaultPassword);
      expect((await near.page('/')).headers.get('location')).to.equal(
        '/sign-in/otp',
      );

      await client.page('/settings/security/otp');
      await client.post('/settings/security/otp/excluded-ips', {
        entries: '127.0.0.1 Test runner',
      });
      const excluded = new HttpClient(baseUrl);
      await excluded.signIn(member.email, defaultPassword);
      expect((await excluded.page('/')).status).to.equal(200);
      const [event] = await auditEventsOf(member.id, 'authentication_token');
      expect(event?.details).to.include({
        stage: 'active',
        otpSkipped: true,
        otpSkipReason: 'excluded IP',
        excludedBy: '127.0.0.1',
      });
    });
  });
});
