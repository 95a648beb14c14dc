import { expect } from 'chai';
import { useDatabase } from '../../support/services.js';
import {
  createCompany,
  createMember,
  defaultPassword,
} from '../../support/factories.js';
import { AddressClient } from './address-client.js';
import { startWebProcess, type WebProcess } from './web-process.js';

const path = '/settings/security/allowed-ips';

async function saveList(admin: AddressClient, entries: string[]) {
  await admin.page(path);
  const version =
    /name="version" value="(\d+)"/.exec(admin.lastBody)?.[1] ?? '';
  const form: Record<string, string> = {
    version,
    enabled: 'on',
    scope: 'all',
    action: 'save',
  };
  entries.forEach((entry, index) => (form[`entry_${index}`] = entry));
  const response = await admin.post(path, form);
  expect(response.status, response.body).to.equal(303);
}

describe('allowed IPs across two web processes', function () {
  this.timeout(90_000);
  let first: WebProcess;
  let second: WebProcess;

  before(async () => {
    await useDatabase();
    [first, second] = await Promise.all([startWebProcess(), startWebProcess()]);
  });
  after(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
  });

  it('enforces a change saved through one process on the other at once', async () => {
    const company = await createCompany();
    const superAdmin = await createMember(company, { role: 'super_admin' });
    const member = await createMember(company);
    const admin = new AddressClient(first.url, '127.0.0.1');
    await admin.signIn(superAdmin.email, defaultPassword);
    const onSecond = new AddressClient(second.url, '127.0.0.2');
    expect(
      (await onSecond.signIn(member.email, defaultPassword)).status,
    ).to.equal(303);

    // The second process compiles and caches a list that allows the member.
    await saveList(admin, ['127.0.0.0/30']);
    expect((await onSecond.page('/')).status).to.equal(200);

    await saveList(admin, ['127.0.0.1', '2001:db8::/32']);
    const refused = await onSecond.page('/');
    expect(refused.status).to.equal(403);
    expect(refused.body).to.contain('127.0.0.2');

    await saveList(admin, ['127.0.0.2/32']);
    expect((await onSecond.page('/')).status).to.equal(200);
  });
});

describe('TRUST_PROXY in a web process', function () {
  this.timeout(90_000);

  async function seenIp(
    server: WebProcess,
    forwardedFor: string,
  ): Promise<string> {
    const company = await createCompany();
    const admin = await createMember(company, {
      permissions: ['allowed_ip_settings'],
    });
    const client = new AddressClient(server.url, '127.0.0.1', {
      'x-forwarded-for': forwardedFor,
    });
    await client.signIn(admin.email, defaultPassword);
    const page = await client.page(path);
    return /<code id="current-ip">([^<]+)<\/code>/.exec(page.body)?.[1] ?? '';
  }

  it('takes the client IP from X-Forwarded-For sent by a trusted proxy', async () => {
    await useDatabase();
    const server = await startWebProcess({ TRUST_PROXY: 'loopback' });
    try {
      expect(await seenIp(server, '198.51.100.23')).to.equal('198.51.100.23');
    } finally {
      await server.stop();
    }
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    await useDatabase();
    const server = await startWebProcess({ TRUST_PROXY: '10.0.0.1' });
    try {
      expect(await seenIp(server, '198.51.100.23')).to.equal('127.0.0.1');
    } finally {
      await server.stop();
    }
  });
});
