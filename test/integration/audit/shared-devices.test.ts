import { expect } from 'chai';
import {
  createCompany,
  createMember,
  defaultPassword,
} from '../../support/factories.js';
import { HttpClient } from '../../support/http-client.js';
import { useServer } from '../../support/server.js';
import { signedIn } from './audit-helpers.js';

describe('one device, many accounts', () => {
  let baseUrl: string;
  before(async () => {
    baseUrl = (await useServer()).url;
  });

  it('lists a device that tried several accounts, with outcomes, and links into the filtered log', async () => {
    const company = await createCompany();
    const admin = await createMember(company, {
      permissions: ['audit_log_view'],
      name: 'Watching Admin',
    });
    const first = await createMember(company, { name: 'First Account' });
    const second = await createMember(company, { name: 'Second Account' });
    const loner = await createMember(company, { name: 'Loner Account' });

    const shared = new HttpClient(baseUrl, {
      'user-agent': 'shared-device/1.0',
    });
    await shared.signIn(first.email, defaultPassword);
    await shared.signIn(second.email, 'not the right password');
    await shared.signIn(second.email, 'still not the right one');
    const single = new HttpClient(baseUrl);
    await single.signIn(loner.email, defaultPassword);
    const device = shared.cookie('gh_device') ?? '';

    const client = await signedIn(baseUrl, admin);
    const response = await client.page('/audit-log/devices');
    expect(response.status).to.equal(200);
    const body = client.lastBody
      .replaceAll('&#x3D;', '=')
      .replaceAll('&amp;', '&');
    expect(body)
      .to.include(device)
      .and.include('First Account')
      .and.include('Second Account');
    expect(body).to.not.include(single.cookie('gh_device') ?? 'missing');
    expect(body).to.match(/Second Account<\/td><td>0<\/td><td>2<\/td>/);
    const link = `/audit-log?activityType=login&deviceId=${device}`;
    expect(body).to.include(link);

    await client.page(link);
    // The table only: the member filter lists every member.
    const table = /<tbody>[\s\S]*<\/tbody>/.exec(client.lastBody)?.[0] ?? '';
    expect(table).to.include('First Account').and.include('Second Account');
    expect(table).to.not.include('Loner Account');
    expect(table).to.not.include('Watching Admin');
  });

  it('shows nothing of another company', async () => {
    const company = await createCompany();
    const other = await createCompany();
    const admin = await createMember(company, { role: 'super_admin' });
    const a = await createMember(other, { name: 'Other A' });
    const b = await createMember(other, { name: 'Other B' });
    const shared = new HttpClient(baseUrl);
    await shared.signIn(a.email, defaultPassword);
    await shared.signIn(b.email, defaultPassword);
    const client = await signedIn(baseUrl, admin);
    await client.page('/audit-log/devices');
    expect(client.lastBody).to.not.include('Other A');
    expect(client.lastBody).to.include('No device attempted');
  });

  it('is for admins with Audit log view only', async () => {
    const company = await createCompany();
    const admin = await createMember(company, {
      permissions: ['login_settings'],
    });
    const client = await signedIn(baseUrl, admin);
    expect((await client.page('/audit-log/devices')).status).to.equal(403);
  });
});
