import { expect } from 'chai';
import { Company, Session } from '../../../db/index.js';
import { readLoginSettings } from '../../../core/auth/login-settings.js';
import {
  createCompany,
  createMember,
  defaultPassword,
} from '../../support/factories.js';
import { HttpClient } from '../../support/http-client.js';
import { useServer } from '../../support/server.js';
import { auditEventsFor } from './helpers.js';
import { database } from '../../../db/index.js';
import { QueryTypes } from 'sequelize';

const validForm = {
  minLength: '12',
  maxLength: '128',
  passwordExpiryDays: '90',
  lockoutThreshold: '3',
  lockoutReleaseMinutes: '30',
  idleTimeoutMinutes: '30',
  absoluteLifetimeHours: '12',
  requireDigits: 'on',
};

async function settingEvents(companyId: string) {
  return database().query<{
    details: Record<string, { from: unknown; to: unknown }>;
    actor_id: string;
  }>(
    `SELECT details, actor_id FROM audit_events
     WHERE company_id = $1 AND information_type = 'login_setting_change' ORDER BY chain_seq`,
    { bind: [companyId], type: QueryTypes.SELECT },
  );
}

describe('login settings page', () => {
  let baseUrl: string;
  before(async () => {
    baseUrl = (await useServer()).url;
  });

  async function adminClient(company: Company) {
    const admin = await createMember(company, {
      permissions: ['login_settings'],
    });
    const client = new HttpClient(baseUrl);
    await client.signIn(admin.email, defaultPassword);
    return { admin, client };
  }

  describe('for an admin with Login settings', () => {
    it('shows the settings with the NIST guidance beside each rule', async () => {
      const company = await createCompany();
      const { client } = await adminClient(company);
      const response = await client.page('/settings/login');
      expect(response.status).to.equal(200);
      const body = await response.text();
      expect(body).to.include('NIST SP 800-63B says not to require digits');
      expect(body).to.include('NIST SP 800-63B says not to require mixed case');
      expect(body).to.match(/name="version" value="\d+"/);
    });

    it('saves the settings and audits every change with its old and new value', async () => {
      const company = await createCompany();
      const { admin, client } = await adminClient(company);
      await client.page('/settings/login');
      const version =
        /name="version" value="(\d+)"/.exec(client.lastBody)?.[1] ?? '';
      const response = await client.post('/settings/login', {
        ...validForm,
        version,
      });
      expect(response.status).to.equal(303);
      await company.reload();
      const settings = readLoginSettings(company.loginSettings);
      expect(settings).to.deep.include({
        passwordExpiryDays: 90,
        lockoutThreshold: 3,
        lockoutReleaseMinutes: 30,
        idleTimeoutMinutes: 30,
        absoluteLifetimeHours: 12,
      });
      expect(settings.passwordRules).to.deep.include({
        minLength: 12,
        requireDigits: true,
        requireSymbols: false,
      });
      expect(company.settingsVersion).to.equal(Number(version) + 1);
      const [event] = await settingEvents(company.id);
      expect(event?.actor_id).to.equal(admin.id);
      expect(event?.details).to.deep.include({
        'passwordRules.minLength': { from: 8, to: 12 },
        'passwordRules.requireDigits': { from: false, to: true },
        lockoutThreshold: { from: 5, to: 3 },
        idleTimeoutMinutes: { from: 60, to: 30 },
      });
      expect(event?.details).to.not.have.property('allowOnLeaveSignIn');
    });

    it('refuses invalid values with a message naming the field', async () => {
      const company = await createCompany();
      const { client } = await adminClient(company);
      await client.page('/settings/login');
      const version =
        /name="version" value="(\d+)"/.exec(client.lastBody)?.[1] ?? '';
      const response = await client.post('/settings/login', {
        ...validForm,
        version,
        minLength: '7',
        lockoutThreshold: '2',
        idleTimeoutMinutes: '45',
      });
      expect(response.status).to.equal(400);
      const body = await response.text();
      expect(body).to.include('minLength must be a whole number from 8 to 64');
      expect(body).to.include('lockoutThreshold must be from 3 to 10, or off');
      expect(body).to.include('idleTimeoutMinutes must be one of');
      expect(await settingEvents(company.id)).to.have.length(0);
    });

    it('refuses a save based on a version someone else changed', async () => {
      const company = await createCompany();
      const { client } = await adminClient(company);
      await client.page('/settings/login');
      const version =
        /name="version" value="(\d+)"/.exec(client.lastBody)?.[1] ?? '';
      await Company.update(
        { settingsVersion: Number(version) + 1 },
        { where: { id: company.id } },
      );
      const response = await client.post('/settings/login', {
        ...validForm,
        version,
      });
      expect(response.status).to.equal(409);
      expect(await response.text()).to.include('Someone else changed this');
    });

    it('ends the sessions of members on leave when their sign-in is switched off', async () => {
      const company = await createCompany();
      await company.update({ loginSettings: { allowOnLeaveSignIn: true } });
      const onLeave = await createMember(company, {
        employmentStatus: 'on_leave',
      });
      const member = new HttpClient(baseUrl);
      expect(
        (await member.signIn(onLeave.email, defaultPassword)).status,
      ).to.equal(303);
      const { client } = await adminClient(company);
      await client.page('/settings/login');
      const version =
        /name="version" value="(\d+)"/.exec(client.lastBody)?.[1] ?? '';
      await client.post('/settings/login', { ...validForm, version });
      expect(
        await Session.count({
          where: { memberId: onLeave.id, revokedAt: null },
        }),
      ).to.equal(0);
      expect((await member.page('/')).status).to.equal(303);
      const events = await auditEventsFor(onLeave.id);
      expect(events.at(-1)?.outcome).to.equal('success');
    });
  });

  describe('for others', () => {
    it('refuses an admin without the permission and a member', async () => {
      const company = await createCompany();
      const admin = await createMember(company, {
        permissions: ['audit_log_view'],
      });
      const member = await createMember(company);
      for (const who of [admin, member]) {
        const client = new HttpClient(baseUrl);
        await client.signIn(who.email, defaultPassword);
        expect((await client.page('/settings/login')).status).to.equal(403);
      }
    });
  });
});
