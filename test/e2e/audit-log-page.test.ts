import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { runDemoSeed } from '../../core/runtime/seed.js';
import { launchBrowser } from '../support/browser.js';
import { useServer } from '../support/server.js';
import { requireTool } from '../support/tools.js';

describe('the audit log page in a real browser', function () {
  this.timeout(120_000);
  let browser: Browser | undefined;
  let baseUrl: string;

  before(async function () {
    requireTool(this, 'chromium', ['/usr/bin/chromium', '--version']);
    baseUrl = (await useServer()).url;
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
  });

  it('lets the demo admin with Audit log view sign in and filter the log', async () => {
    const demo = await runDemoSeed(2_000);
    const admin = demo.admins.find((a) =>
      a.permissions.includes('audit_log_view'),
    );
    expect(admin, 'a demo admin with Audit log view').to.not.equal(undefined);

    const page = await browser!.newPage();
    await page.goto(`${baseUrl}/sign-in`);
    await page.fill('#email', admin!.email);
    await page.fill('#password', demo.superAdmin.password);
    await page.click('button[type=submit]');
    await page.waitForURL(`${baseUrl}/`);

    await page.click('nav >> text=Audit log');
    await page.waitForURL(/\/audit-log/);
    expect(await page.textContent('h1')).to.equal('Audit log');
    const rows = await page.locator('table.audit tbody tr').count();
    expect(rows).to.be.greaterThan(0);

    await page.selectOption('#activityType', 'login');
    await page.click('text=Apply filters');
    await page.waitForURL(/activityType=login/);
    const activities = await page
      .locator('table.audit tbody tr td:nth-child(4)')
      .allTextContents();
    expect(activities.length).to.be.greaterThan(0);
    expect(new Set(activities)).to.deep.equal(new Set(['Login']));
    if (process.env.SCREENSHOT_DIR) {
      await page.screenshot({
        path: `${process.env.SCREENSHOT_DIR}/audit-log.png`,
        fullPage: false,
      });
    }
    await page.close();
  });
});
