import { expect } from 'chai';
import { QueryTypes } from 'sequelize';
import { database } from '../../../db/index.js';
import {
  createCompany,
  createMember,
  defaultPassword,
} from '../../support/factories.js';
import { useServer } from '../../support/server.js';
import { AddressClient } from './address-client.js';
import { auditEvents } from './ip-fixtures.js';

async function signedIn(
  options: Parameters<typeof createMember>[1] = {},
  company?: Awaited<ReturnType<typeof createCompany>>,
) {
  const { url } = await useServer();
  const owner = company ?? (await createCompany());
  const member = await createMember(owner, options);
  const client = new AddressClient(url, '127.0.0.1');
  await client.signIn(member.email, defaultPassword);
  await client.page('/');
  return { company: owner, member, client };
}

interface RecordJson {
  record: {
    id: string;
    clockInAt: string;
    clockOutAt: string | null;
    ipIn: string;
    ipOut: string | null;
  };
}

describe('work records', () => {
  describe('clocking in and out through the JSON API', () => {
    it('records both times with the IP and audits each as attendance', async () => {
      const { company, member, client } = await signedIn();
      const clockedIn = await client.api('POST', '/api/work-records/clock-in');
      expect(clockedIn.status).to.equal(201);
      expect(clockedIn.json<RecordJson>().record).to.include({
        ipIn: '127.0.0.1',
        clockOutAt: null,
      });

      client.localAddress = '127.0.0.4';
      const clockedOut = await client.api(
        'POST',
        '/api/work-records/clock-out',
      );
      expect(clockedOut.status).to.equal(200);
      expect(clockedOut.json<RecordJson>().record).to.include({
        ipOut: '127.0.0.4',
      });

      const events = await auditEvents(company.id, 'attendance');
      expect(
        events.map((event) => [
          event.event,
          event.outcome,
          event.ip,
          event.target_member_id,
        ]),
      ).to.deep.equal([
        ['create', 'success', '127.0.0.1', member.id],
        ['edit', 'success', '127.0.0.4', member.id],
      ]);
    });

    it('refuses a second clock-in while one is open, and a clock-out with none open', async () => {
      const { client } = await signedIn();
      expect(
        (await client.api('POST', '/api/work-records/clock-out')).status,
      ).to.equal(409);
      const [one, two] = await Promise.all([
        client.api('POST', '/api/work-records/clock-in'),
        client.api('POST', '/api/work-records/clock-in'),
      ]);
      expect([one.status, two.status].sort()).to.deep.equal([201, 409]);
    });

    it('needs a signed-in member', async () => {
      const { url } = await useServer();
      const anonymous = new AddressClient(url);
      await anonymous.page('/sign-in');
      expect(
        (await anonymous.api('POST', '/api/work-records/clock-in')).status,
      ).to.equal(401);
    });
  });

  describe('from the dashboard', () => {
    it('offers clock buttons and shows the month with the new record', async () => {
      const { client } = await signedIn();
      expect(client.lastBody).to.contain('action="/work-records/clock-in"');
      const response = await client.post('/work-records/clock-in');
      expect(response.status).to.equal(303);
      const month = await client.page(response.location ?? '/work-records');
      expect(month.body).to.contain('Clocked in.');
      expect(month.body).to.contain('<code>127.0.0.1</code>');
    });
  });

  describe('the company view', () => {
    it("lists the company's records for a super admin and audits the viewing", async () => {
      const { company, client: worker } = await signedIn({
        name: 'Worker Kim',
      });
      await worker.api('POST', '/api/work-records/clock-in');
      const other = await signedIn({ name: 'Elsewhere Lee' });
      await other.client.api('POST', '/api/work-records/clock-in');

      const { client: admin } = await signedIn(
        { role: 'super_admin' },
        company,
      );
      const page = await admin.page('/work-records/company');
      expect(page.status).to.equal(200);
      expect(page.body)
        .to.contain('Worker Kim')
        .and.not.contain('Elsewhere Lee');
      const views = (await auditEvents(company.id, 'attendance')).filter(
        (event) => event.event === 'view',
      );
      expect(views).to.have.length(1);
    });

    it('is forbidden to members and to admins', async () => {
      const { client } = await signedIn();
      expect((await client.page('/work-records/company')).status).to.equal(403);
      const { client: admin } = await signedIn({
        permissions: ['audit_log_view'],
      });
      expect((await admin.page('/work-records/company')).status).to.equal(403);
    });

    it('shows only the chosen month', async () => {
      const { member, client } = await signedIn();
      await database().query(
        `INSERT INTO work_records (company_id, member_id, clock_in_at, clock_out_at, ip_in, ip_out)
         VALUES ($1, $2, '2024-02-10T09:00:00Z', '2024-02-10T18:00:00Z', '192.0.2.5', '192.0.2.5')`,
        { bind: [member.companyId, member.id], type: QueryTypes.INSERT },
      );
      expect(
        (await client.page('/work-records?month=2024-02')).body,
      ).to.contain('192.0.2.5');
      expect(
        (await client.page('/work-records?month=2024-03')).body,
      ).not.to.contain('192.0.2.5');
      expect(
        (await client.page('/work-records?month=2024-13')).status,
      ).to.equal(400);
    });
  });
});
