import { expect } from 'chai';
import { MemberProfile } from '../../../db/index.js';
import {
  createCompany,
  createMember,
  createOrganization,
} from '../../support/factories.js';
import { useServer } from '../../support/server.js';
import { eventsOf, lastSeq, signedIn } from './audit-helpers.js';

describe('member profiles', () => {
  let baseUrl: string;
  before(async () => {
    baseUrl = (await useServer()).url;
  });

  async function companyWithPeople() {
    const company = await createCompany();
    const unit = await createOrganization(company, undefined, 'People Team');
    const superAdmin = await createMember(company, {
      role: 'super_admin',
      organization: unit,
    });
    const admin = await createMember(company, {
      permissions: ['login_settings'],
    });
    const bareAdmin = await createMember(company, { role: 'admin' });
    const target = await createMember(company, {
      organization: unit,
      name: 'Target Person',
    });
    await MemberProfile.create({
      memberId: target.id,
      companyId: company.id,
      nationalId: '900101-1234567',
      address: 'Old Street 1',
      baseSalary: '52000.00',
      bankAccount: 'DE89370400440532013000',
    });
    return { company, superAdmin, admin, bareAdmin, target };
  }

  describe('viewing a section', () => {
    it('shows the national id masked and records a view of that information type about that member', async () => {
      const { company, superAdmin, target } = await companyWithPeople();
      const client = await signedIn(baseUrl, superAdmin, 'profile-view/1.0');
      const before = await lastSeq(company.id);
      const response = await client.page(
        `/members/${target.id}/profile/personal`,
      );
      expect(response.status).to.equal(200);
      expect(client.lastBody)
        .to.include('**********4567')
        .and.not.include('900101-1234567');

      const [event, ...rest] = await eventsOf(company.id, before);
      expect(rest).to.have.length(0);
      expect(event).to.include({
        activity_type: 'personal_information_access',
        event: 'view',
        information_type: 'personal',
        actor_id: superAdmin.id,
        target_member_id: target.id,
        user_agent: 'profile-view/1.0',
      });
      expect(event?.device_id).to.equal(client.cookie('gh_device'));
    });

    it('lets an admin with a permission open personal and HR but not income', async () => {
      const { admin, target } = await companyWithPeople();
      const client = await signedIn(baseUrl, admin);
      expect(
        (await client.page(`/members/${target.id}/profile/personal`)).status,
      ).to.equal(200);
      expect(
        (await client.page(`/members/${target.id}/profile/hr`)).status,
      ).to.equal(200);
      expect(client.lastBody).to.include('People Team');
      expect(
        (await client.page(`/members/${target.id}/profile/income`)).status,
      ).to.equal(403);
    });

    it('refuses admins without any permission and plain members', async () => {
      const { bareAdmin, target } = await companyWithPeople();
      const client = await signedIn(baseUrl, bareAdmin);
      expect(
        (await client.page(`/members/${target.id}/profile/personal`)).status,
      ).to.equal(403);
      expect((await client.page('/members/profiles')).status).to.equal(403);
      const member = await signedIn(baseUrl, target);
      expect(
        (await member.page(`/members/${target.id}/profile/personal`)).status,
      ).to.equal(403);
    });

    it('answers 404 for a member of another company and records nothing', async () => {
      const { company, superAdmin } = await companyWithPeople();
      const other = await companyWithPeople();
      const client = await signedIn(baseUrl, superAdmin);
      const before = await lastSeq(company.id);
      expect(
        (await client.page(`/members/${other.target.id}/profile/personal`))
          .status,
      ).to.equal(404);
      expect(await eventsOf(company.id, before)).to.have.length(0);
      expect(
        await eventsOf(other.company.id, await lastSeq(other.company.id)),
      ).to.have.length(0);
    });
  });

  describe('editing a section', () => {
    it('saves the change and records which fields changed, never their values', async () => {
      const { company, superAdmin, target } = await companyWithPeople();
      const client = await signedIn(baseUrl, superAdmin);
      await client.page(`/members/${target.id}/profile/income`);
      const before = await lastSeq(company.id);
      const response = await client.post(
        `/members/${target.id}/profile/income`,
        {
          baseSalary: '61000',
          salaryCurrency: 'EUR',
          bankName: '',
          bankAccount: '',
        },
      );
      expect(response.status).to.equal(303);
      const saved = await MemberProfile.findByPk(target.id);
      expect(Number(saved?.baseSalary)).to.equal(61000);
      expect(saved?.bankAccount).to.equal('DE89370400440532013000');

      const events = await eventsOf(company.id, before);
      expect(events).to.have.length(1);
      expect(events[0]).to.include({
        event: 'edit',
        information_type: 'income',
        target_member_id: target.id,
      });
      expect(events[0]?.details).to.deep.equal({
        fields: ['baseSalary', 'salaryCurrency'],
      });
      expect(JSON.stringify(events[0]?.details)).to.not.include('61000');
    });

    it('re-shows the form naming the bad field with status 400', async () => {
      const { superAdmin, target } = await companyWithPeople();
      const client = await signedIn(baseUrl, superAdmin);
      await client.page(`/members/${target.id}/profile/personal`);
      const response = await client.post(
        `/members/${target.id}/profile/personal`,
        { birthDate: '1990-13-45' },
      );
      expect(response.status).to.equal(400);
      expect(await response.text()).to.include(
        'must be a date like 2026-01-31',
      );
    });
  });

  describe('downloading the member list with a section', () => {
    it("holds only this company's members, masks the national id and records a download", async () => {
      const { company, superAdmin, target } = await companyWithPeople();
      const other = await companyWithPeople();
      const client = await signedIn(baseUrl, superAdmin);
      const before = await lastSeq(company.id);
      const response = await client.request(
        'GET',
        '/members/profiles/download?section=personal&format=csv',
      );
      expect(response.status).to.equal(200);
      const text = await response.text();
      expect(text).to.include(target.email).and.include('**********4567');
      expect(text)
        .to.not.include(other.target.email)
        .and.not.include('900101-1234567');

      const events = await eventsOf(company.id, before);
      expect(events).to.have.length(1);
      expect(events[0]).to.include({
        event: 'download',
        information_type: 'personal',
        user_agent: 'audit-test/1.0',
      });
      expect(events[0]?.details).to.include({ format: 'csv', rowCount: 4 });
    });

    it('offers XLSX too', async () => {
      const { superAdmin } = await companyWithPeople();
      const client = await signedIn(baseUrl, superAdmin);
      const response = await client.request(
        'GET',
        '/members/profiles/download?section=income&format=xlsx',
      );
      expect(response.status).to.equal(200);
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(bytes.subarray(0, 2).toString()).to.equal('PK');
    });
  });

  describe("a member's own profile", () => {
    it('shows every section without recording an admin access', async () => {
      const { company, target } = await companyWithPeople();
      const client = await signedIn(baseUrl, target);
      const before = await lastSeq(company.id);
      const response = await client.page('/me/profile');
      expect(response.status).to.equal(200);
      expect(client.lastBody)
        .to.include('Year-end tax')
        .and.include('**********4567');
      expect(await eventsOf(company.id, before)).to.have.length(0);
    });
  });
});
