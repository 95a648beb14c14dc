import { expect } from 'chai';
import { Company } from '../../../db/index.js';
import { readIpSettings } from '../../../core/ip-policy/ip-settings.js';
import {
  createCompany,
  createMember,
  defaultPassword,
} from '../../support/factories.js';
import { useServer } from '../../support/server.js';
import { AddressClient } from './address-client.js';
import { auditEvents, setAllowlist, storedEntries } from './ip-fixtures.js';

const path = '/settings/security/allowed-ips';

async function signedInAdmin(role: 'admin' | 'super_admin' = 'admin') {
  const { url } = await useServer();
  const company = await createCompany();
  const admin = await createMember(
    company,
    role === 'admin' ? { permissions: ['allowed_ip_settings'] } : { role },
  );
  const client = new AddressClient(url, '127.0.0.1');
  await client.signIn(admin.email, defaultPassword);
  const page = await client.page(path);
  expect(page.status).to.equal(200);
  return { company, admin, client, url };
}

function versionOf(body: string): string {
  return /name="version" value="(\d+)"/.exec(body)?.[1] ?? '';
}

/** The form fields of a save: rows numbered as the page numbers them. */
function saveForm(
  body: string,
  rows: string[],
  extra: Record<string, string> = {},
) {
  const form: Record<string, string> = {
    version: versionOf(body),
    scope: 'all',
    action: 'save',
    ...extra,
  };
  rows.forEach((entry, index) => {
    form[`entry_${index}`] = entry;
    form[`state_${index}`] = 'new';
  });
  return form;
}

describe('allowed IPs settings page', () => {
  it('shows the address the server sees for the request', async () => {
    const { client } = await signedInAdmin();
    expect(client.lastBody).to.contain(
      '<code id="current-ip">127.0.0.1</code>',
    );
    const from2 = new AddressClient(client.baseUrl, '127.0.0.2');
    from2.adoptCookies(client, ['gh_session']);
    expect((await from2.page(path)).body).to.contain(
      '<code id="current-ip">127.0.0.2</code>',
    );
  });

  it('is forbidden to admins without Allowed IP settings', async () => {
    const { url } = await useServer();
    const company = await createCompany();
    const admin = await createMember(company, {
      permissions: ['login_settings'],
    });
    const client = new AddressClient(url);
    await client.signIn(admin.email, defaultPassword);
    expect((await client.page(path)).status).to.equal(403);
  });

  it('keeps the Security & Authentication index from members', async () => {
    const { url } = await useServer();
    const member = await createMember(await createCompany());
    const client = new AddressClient(url);
    await client.signIn(member.email, defaultPassword);
    expect((await client.page('/settings/security')).status).to.equal(403);
    expect((await client.page(path)).status).to.equal(403);
  });

  it('links from the Security & Authentication index', async () => {
    const { client } = await signedInAdmin();
    const index = await client.page('/settings/security');
    expect(index.status).to.equal(200);
    expect(index.body).to.contain(`href="${path}"`);
  });

  describe('saving a list', () => {
    it('stores canonical forms and audits what was added and switched', async () => {
      const { company, admin, client } = await signedInAdmin();
      const response = await client.post(
        path,
        saveForm(
          client.lastBody,
          [' 2001:DB8:0:0::/32 ', '127.0.0.1/32', '::ffff:10.0.0.0/104'],
          { enabled: 'on' },
        ),
      );
      expect(response.status).to.equal(303);
      expect(await storedEntries(company.id)).to.deep.equal([
        '2001:db8::/32',
        '127.0.0.1',
        '10.0.0.0/8',
      ]);

      const [event] = await auditEvents(company.id, 'ip_access_setting_change');
      expect(event).to.include({ actor_id: admin.id, event: 'edit' });
      expect(event?.details.added).to.deep.equal([
        '2001:db8::/32',
        '127.0.0.1',
        '10.0.0.0/8',
      ]);
      expect(event?.details.switched).to.deep.equal({
        enabled: { from: false, to: true },
      });
    });

    it('audits removals and label changes, and writes nothing when nothing changed', async () => {
      const { company, client } = await signedInAdmin();
      await client.post(
        path,
        saveForm(client.lastBody, ['192.0.2.1', '192.0.2.2']),
      );
      await client.page(path);
      const form = saveForm(client.lastBody, ['192.0.2.1', '192.0.2.2'], {
        label_0: 'Office',
        remove_1: 'on',
      });
      expect((await client.post(path, form)).status).to.equal(303);
      await client.page(path);
      expect(
        (
          await client.post(
            path,
            saveForm(client.lastBody, ['192.0.2.1'], { label_0: 'Office' }),
          )
        ).status,
      ).to.equal(303);

      const events = await auditEvents(company.id, 'ip_access_setting_change');
      expect(events).to.have.length(2);
      expect(events[1]?.details).to.deep.include({
        removed: ['192.0.2.2'],
        relabelled: ['192.0.2.1: (none) → Office'],
      });
    });

    it('refuses bad entries with a message naming each, and saves nothing', async () => {
      const { company, client } = await signedInAdmin();
      const response = await client.post(
        path,
        saveForm(client.lastBody, [
          '10.0.0.1',
          'not-an-ip',
          '10.0.0.0/33',
          '10.1.2.3/8',
        ]),
      );
      expect(response.status).to.equal(400);
      expect(response.body).to.contain(
        '&quot;not-an-ip&quot; is not an IPv4 or IPv6 address or CIDR range',
      );
      expect(response.body).to.contain(
        '&quot;10.0.0.0/33&quot; has a prefix length of 33',
      );
      expect(response.body).to.contain('did you mean 10.0.0.0/8?');
      expect(response.body).to.contain('value="not-an-ip"');
      expect(await storedEntries(company.id)).to.deep.equal([]);
    });

    it('accepts 100 entries and refuses the 101st by name', async () => {
      const { company, client } = await signedInAdmin();
      const hundred = Array.from({ length: 100 }, (_, i) => `198.51.100.${i}`);
      const tooMany = await client.post(
        path,
        saveForm(client.lastBody, [...hundred, '203.0.113.9']),
      );
      expect(tooMany.status).to.equal(400);
      expect(tooMany.body).to.contain(
        '&quot;203.0.113.9&quot; is entry 101; a list holds at most 100 entries',
      );
      await client.page(path);
      expect(
        (await client.post(path, saveForm(client.lastBody, hundred))).status,
      ).to.equal(303);
      expect(await storedEntries(company.id)).to.have.length(100);
    });

    it('also saves an entry typed in the add field but never added', async () => {
      const { company, client } = await signedInAdmin();
      const form = saveForm(client.lastBody, ['192.0.2.1'], {
        newEntry: ' 192.0.2.2 ',
        newLabel: 'Typed',
      });
      expect((await client.post(path, form)).status).to.equal(303);
      expect(await storedEntries(company.id)).to.deep.equal([
        '192.0.2.1',
        '192.0.2.2',
      ]);
    });

    it('refuses a save made from an outdated page', async () => {
      const { company, client } = await signedInAdmin();
      const stale = client.lastBody;
      await client.post(path, saveForm(stale, ['192.0.2.10']));
      await client.page(path);
      const response = await client.post(path, saveForm(stale, ['192.0.2.20']));
      expect(response.status).to.equal(409);
      expect(response.body).to.contain('Someone else changed');
      expect(await storedEntries(company.id)).to.deep.equal(['192.0.2.10']);
    });
  });

  describe('adding without saving (no JavaScript)', () => {
    it('puts the typed entry in the list marked as not saved and stores nothing', async () => {
      const { company, client } = await signedInAdmin();
      const response = await client.post(path, {
        version: versionOf(client.lastBody),
        action: 'add',
        newEntry: '203.0.113.0/24',
        newLabel: 'Branch',
      });
      expect(response.status).to.equal(200);
      expect(response.body).to.match(
        /class="ip-row unsaved"[^]*value="203.0.113.0\/24"[^]*Not saved yet/,
      );
      expect(response.body).to.contain('You have unsaved changes');
      expect(await storedEntries(company.id)).to.deep.equal([]);
    });

    it('names a bad typed entry at once', async () => {
      const { client } = await signedInAdmin();
      const response = await client.post(path, {
        version: versionOf(client.lastBody),
        action: 'add',
        newEntry: '300.1.1.1',
      });
      expect(response.status).to.equal(400);
      expect(response.body).to.contain(
        '&quot;300.1.1.1&quot; is not an IPv4 or IPv6 address',
      );
    });

    it('adds the current access IP', async () => {
      const { client } = await signedInAdmin();
      const response = await client.post(path, {
        version: versionOf(client.lastBody),
        action: 'add-current',
      });
      expect(response.body).to.match(
        /class="ip-row unsaved"[^]*name="entry_0" value="127.0.0.1"/,
      );
    });
  });

  describe('a configuration that would cut off the admin saving it', () => {
    it('asks for confirmation first and saves only once given', async () => {
      const { company, client } = await signedInAdmin();
      const form = saveForm(client.lastBody, ['10.20.30.40'], {
        enabled: 'on',
      });
      const warned = await client.post(path, form);
      expect(warned.status).to.equal(400);
      expect(warned.body).to.contain('This would lock you out.');
      expect(warned.body).to.contain('name="confirmLockout"');
      expect(await storedEntries(company.id)).to.deep.equal([]);

      const confirmed = await client.post(path, {
        ...form,
        confirmLockout: 'yes',
      });
      expect(confirmed.status).to.equal(303);
      const [event] = await auditEvents(company.id, 'ip_access_setting_change');
      expect(event?.details).to.include({ selfLockoutConfirmed: true });
      expect((await client.page('/')).status).to.equal(403);
    });

    it("needs no confirmation when the admin's own IP is listed", async () => {
      const { client } = await signedInAdmin();
      const response = await client.post(
        path,
        saveForm(client.lastBody, ['127.0.0.0/8'], { enabled: 'on' }),
      );
      expect(response.status).to.equal(303);
    });

    it('needs none from an exempt super admin, but does once the rule applies to them', async () => {
      const { company, client } = await signedInAdmin('super_admin');
      const exempt = await client.post(
        path,
        saveForm(client.lastBody, ['10.20.30.40'], { enabled: 'on' }),
      );
      expect(exempt.status).to.equal(303);
      await client.page(path);
      const applied = await client.post(
        path,
        saveForm(client.lastBody, ['10.20.30.40'], {
          enabled: 'on',
          applyToSuperAdmin: 'on',
        }),
      );
      expect(applied.status).to.equal(400);
      expect(applied.body).to.contain('This would lock you out.');
      const stored = await Company.findByPk(company.id);
      expect(readIpSettings(stored?.ipSettings).applyToSuperAdmin).to.equal(
        false,
      );
    });
  });

  it("keeps another company's list out of reach", async () => {
    const { client } = await signedInAdmin();
    const other = await createCompany();
    const otherAdmin = await createMember(other, { role: 'super_admin' });
    await setAllowlist(otherAdmin, { enabled: false }, ['192.0.2.99']);
    const page = await client.page(path);
    expect(page.body).not.to.contain('192.0.2.99');
  });
});

describe('Apply to super administrator', () => {
  it('can be switched by a super admin only', async () => {
    const { company, client } = await signedInAdmin('admin');
    const refused = await client.post(
      path,
      saveForm(client.lastBody, ['127.0.0.1'], { applyToSuperAdmin: 'on' }),
    );
    expect(refused.status).to.equal(403);
    const stored = await Company.findByPk(company.id);
    expect(readIpSettings(stored?.ipSettings).applyToSuperAdmin).to.equal(
      false,
    );

    const owner = await signedInAdmin('super_admin');
    const allowed = await owner.client.post(
      path,
      saveForm(owner.client.lastBody, ['127.0.0.1'], {
        applyToSuperAdmin: 'on',
      }),
    );
    expect(allowed.status).to.equal(303);
  });
});
