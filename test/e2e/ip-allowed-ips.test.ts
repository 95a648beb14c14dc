import { expect } from 'chai';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  createCompany,
  createMember,
  defaultPassword,
} from '../support/factories.js';
import { useServer } from '../support/server.js';
import { storedEntries } from '../integration/ip/ip-fixtures.js';
import { requireTool } from '../support/tools.js';

const path = '/settings/security/allowed-ips';

describe('allowed IPs page in a browser', function () {
  this.timeout(60_000);
  let browser: Browser | undefined;

  before(async function () {
    requireTool(this, 'chromium', ['/usr/bin/chromium', '--version']);
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });
  after(async () => {
    await browser?.close();
  });

  async function openAsAdmin(
    javaScriptEnabled = true,
  ): Promise<{ page: Page; companyId: string }> {
    const { url } = await useServer();
    const company = await createCompany();
    const admin = await createMember(company, {
      permissions: ['allowed_ip_settings'],
    });
    const context = await browser!.newContext({
      baseURL: url,
      javaScriptEnabled,
    });
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.fill('input[name=email]', admin.email);
    await page.fill('input[name=password]', defaultPassword);
    await Promise.all([
      page.waitForURL((u) => u.pathname === '/'),
      page.click('button[type=submit]'),
    ]);
    await page.goto(path);
    return { page, companyId: company.id };
  }

  it('adds entries with Enter, marks them unsaved, and stores them with Save', async () => {
    const { page, companyId } = await openAsAdmin();
    expect(await page.locator('#current-ip').textContent()).to.equal(
      '127.0.0.1',
    );
    expect(await page.locator('#unsaved-banner').isVisible()).to.equal(false);

    await page.fill('#new-entry', '203.0.113.0/24');
    await page.fill('#new-label', 'Branch office');
    await page.press('#new-label', 'Enter');
    await page.fill('#new-entry', ' 2001:DB8::/32 ');
    await page.press('#new-entry', 'Enter');

    // Enter added rows in place: same page, nothing stored yet.
    expect(new URL(page.url()).pathname).to.equal(path);
    expect(await page.locator('tr.ip-row.unsaved').count()).to.equal(2);
    expect(
      await page
        .locator('tr.ip-row.unsaved .unsaved-pill')
        .first()
        .textContent(),
    ).to.equal('Not saved yet');
    expect(await page.locator('#unsaved-banner').isVisible()).to.equal(true);
    expect(await page.locator('#unsaved-count').textContent()).to.equal('2');
    expect(await page.inputValue('#new-entry')).to.equal('');
    expect(await storedEntries(companyId)).to.deep.equal([]);

    await page.click('#add-current');
    expect(await page.locator('tr.ip-row.unsaved').count()).to.equal(3);

    await Promise.all([page.waitForURL(/saved=1/), page.click('#save')]);
    expect(await page.locator('.notice').textContent()).to.contain('saved');
    expect(await page.locator('tr.ip-row.unsaved').count()).to.equal(0);
    expect(await page.locator('#unsaved-banner').isVisible()).to.equal(false);
    expect(await storedEntries(companyId)).to.deep.equal([
      '203.0.113.0/24',
      '2001:db8::/32',
      '127.0.0.1',
    ]);

    // Flipping a switch is an unsaved change too.
    await page.check('#enabled');
    expect(await page.locator('#unsaved-banner').isVisible()).to.equal(true);
    expect(await page.locator('#unsaved-count').textContent()).to.equal('1');
  });

  it('marks a row for removal as unsaved and names a bad entry after Save', async () => {
    const { page, companyId } = await openAsAdmin();
    await page.fill('#new-entry', '198.51.100.7');
    await page.press('#new-entry', 'Enter');
    await Promise.all([page.waitForURL(/saved=1/), page.click('#save')]);

    await page.check('input[name=remove_0]');
    expect(await page.locator('tr.ip-row.removing').count()).to.equal(1);
    expect(await page.locator('#unsaved-banner').isVisible()).to.equal(true);

    await page.fill('#new-entry', '10.1.2.3/8');
    await page.press('#new-entry', 'Enter');
    await Promise.all([page.waitForLoadState('load'), page.click('#save')]);
    expect(
      await page.locator('tr.has-error .field-error').textContent(),
    ).to.contain('"10.1.2.3/8" has host bits set');
    expect(
      await page
        .locator('tr.ip-row.unsaved input[type=text]')
        .first()
        .inputValue(),
    ).to.equal('10.1.2.3/8');
    expect(await storedEntries(companyId)).to.deep.equal(['198.51.100.7']);
  });

  describe('without JavaScript', () => {
    it('adds the entry on Enter through the server, unsaved until Save', async () => {
      const { page, companyId } = await openAsAdmin(false);
      await page.fill('#new-entry', '192.0.2.0/25');
      await Promise.all([
        page.waitForLoadState('load'),
        page.press('#new-entry', 'Enter'),
      ]);
      expect(await page.locator('tr.ip-row.unsaved').count()).to.equal(1);
      expect(await page.locator('#unsaved-banner').isVisible()).to.equal(true);
      expect(await storedEntries(companyId)).to.deep.equal([]);

      await Promise.all([page.waitForURL(/saved=1/), page.click('#save')]);
      expect(await storedEntries(companyId)).to.deep.equal(['192.0.2.0/25']);
    });
  });
});
