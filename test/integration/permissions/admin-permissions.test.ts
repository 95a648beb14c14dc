import { expect } from 'chai';
import { QueryTypes } from 'sequelize';
import { AdminPermission, database } from '../../../db/index.js';
import {
  createCompany,
  createMember,
  defaultPassword,
} from '../../support/factories.js';
import { HttpClient } from '../../support/http-client.js';
import { useServer } from '../../support/server.js';

describe('admin permissions page', () => {
  let baseUrl: string;
  before(async () => {
    baseUrl = (await useServer()).url;
  });

  it('lets a super admin grant and revoke, auditing each change', async () => {
    const company = await createCompany();
    const owner = await createMember(company, { role: 'super_admin' });
    const admin = await createMember(company, {
      permissions: ['otp_settings'],
    });
    const client = new HttpClient(baseUrl);
    await client.signIn(owner.email, defaultPassword);
    await client.page('/settings/admin-permissions');

    const response = await client.post(
      `/settings/admin-permissions/${admin.id}`,
      {
        permission: ['audit_log_view', 'login_settings'],
      },
    );
    expect(response.status).to.equal(303);
    const held = await AdminPermission.findAll({
      where: { memberId: admin.id },
    });
    expect(held.map((p) => p.permission).sort()).to.deep.equal([
      'audit_log_view',
      'login_settings',
    ]);

    const events = await database().query<{
      event: string;
      details: { permission: string };
    }>(
      `SELECT event, details FROM audit_events
       WHERE company_id = $1 AND activity_type = 'permission_change' ORDER BY chain_seq`,
      { bind: [company.id], type: QueryTypes.SELECT },
    );
    expect(
      events.map((e) => `${e.event}:${e.details.permission}`).sort(),
    ).to.deep.equal(
      [
        'create:audit_log_view',
        'create:login_settings',
        'delete:otp_settings',
      ].sort(),
    );
  });

  it('is 403 for an admin, even one holding every permission', async () => {
    const company = await createCompany();
    const admin = await createMember(company, {
      permissions: [
        'otp_settings',
        'allowed_ip_settings',
        'login_settings',
        'audit_log_view',
      ],
    });
    const client = new HttpClient(baseUrl);
    await client.signIn(admin.email, defaultPassword);
    expect((await client.page('/settings/admin-permissions')).status).to.equal(
      403,
    );
  });

  it('refuses an unknown permission with a message naming the field', async () => {
    const company = await createCompany();
    const owner = await createMember(company, { role: 'super_admin' });
    const admin = await createMember(company, {
      permissions: ['otp_settings'],
    });
    const client = new HttpClient(baseUrl);
    await client.signIn(owner.email, defaultPassword);
    await client.page('/');
    const response = await client.request(
      'POST',
      `/settings/admin-permissions/${admin.id}`,
      {
        form: { _csrf: client.csrf(), permission: 'root_access' },
        headers: { accept: 'application/json' },
      },
    );
    expect(response.status).to.equal(400);
    const body = (await response.json()) as {
      error: { fields: Record<string, string> };
    };
    expect(Object.keys(body.error.fields)).to.deep.equal(['permission']);
  });
});
