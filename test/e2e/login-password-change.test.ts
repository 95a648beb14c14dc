import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { Member } from '../../db/index.js';
import { launchBrowser } from '../support/browser.js';
import {
  createCompany,
  createMember,
  defaultPassword,
} from '../support/factories.js';
import { useServer } from '../support/server.js';
import { requireTool } from '../support/tools.js';

describe('the forced password change in a real browser', function () {
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

  it('sends a member with an expired password to choose a new one before anything else', async () => {
    const company = await createCompany();
    await company.update({ loginSettings: { passwordExpiryDays: 30 } });
    const member = await createMember(company);
    await Member.update(
      { passwordChangedAt: new Date(Date.now() - 40 * 86_400_000) },
      { where: { id: member.id } },
    );

    const page = await browser!.newPage();
    await page.goto(`${baseUrl}/sign-in`);
    await page.fill('#email', member.email);
    await page.fill('#password', defaultPassword);
    await page.click('button[type=submit]');
    await page.waitForURL(`${baseUrl}/sign-in/password`);
    expect(await page.textContent('h1')).to.equal('Set a new password');

    await page.goto(`${baseUrl}/news`);
    await page.waitForURL(`${baseUrl}/sign-in/password`);

    await page.fill('#password', 'short');
    await page.fill('#confirm', 'short');
    await page.click('button[type=submit]');
    expect(await page.textContent('.field-error')).to.include(
      'at least 8 characters',
    );

    const chosen = 'a garden of forking paths 1941';
    await page.fill('#password', chosen);
    await page.fill('#confirm', chosen);
    await page.click('button[type=submit]');
    await page.waitForURL(`${baseUrl}/`);
    expect((await Member.findByPk(member.id))?.mustChangePassword).to.equal(
      false,
    );
    await page.close();
  });
});
