import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { Company } from '../../db/index.js';
import { readLoginSettings } from '../../core/auth/login-settings.js';
import { launchBrowser } from '../support/browser.js';
import {
  createCompany,
  createMember,
  defaultPassword,
} from '../support/factories.js';
import { useServer } from '../support/server.js';
import { requireTool } from '../support/tools.js';

describe('the login settings page in a real browser', function () {
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

  async function signIn(page: Page, email: string) {
    await page.goto(`${baseUrl}/sign-in`);
    await page.fill('#email', email);
    await page.fill('#password', defaultPassword);
    await page.click('button[type=submit]');
    await page.waitForURL(`${baseUrl}/`);
  }

  it('lets an admin with Login settings change the rules and shows NIST guidance', async () => {
    const company = await createCompany();
    const admin = await createMember(company, {
      permissions: ['login_settings'],
    });
    const page = await browser!.newPage();
    await signIn(page, admin.email);
    await page.click('nav >> text=Login settings');
    await page.waitForURL(/\/settings\/login$/);
    expect(await page.textContent('h1')).to.equal('Login settings');
    expect(
      await page
        .locator('text=NIST SP 800-63B says not to require symbols')
        .count(),
    ).to.equal(1);

    await page.fill('#minLength', '14');
    await page.check('input[name=requireMixedCase]');
    await page.selectOption('#lockoutThreshold', '4');
    await page.selectOption('#lockoutReleaseMinutes', '30');
    await page.selectOption('#passwordExpiryDays', '180');
    await page.selectOption('#idleTimeoutMinutes', '30');
    await page.click('text=Save login settings');
    await page.waitForURL(/saved=1/);
    expect(await page.textContent('p.notice')).to.include(
      'Login settings saved',
    );
    expect(await page.inputValue('#minLength')).to.equal('14');
    expect(await page.isChecked('input[name=requireMixedCase]')).to.equal(true);

    const stored = readLoginSettings(
      (await Company.findByPk(company.id))?.loginSettings,
    );
    expect(stored.passwordRules.minLength).to.equal(14);
    expect(stored).to.deep.include({
      lockoutThreshold: 4,
      lockoutReleaseMinutes: 30,
      passwordExpiryDays: 180,
      idleTimeoutMinutes: 30,
    });

    await page.fill('#minLength', '5');
    await page.click('text=Save login settings');
    expect(await page.textContent('p.alert')).to.include('not saved');
    expect(await page.textContent('.field-error')).to.include(
      'minLength must be a whole number from 8 to 64',
    );
    await page.close();
  });

  it('warns a minute before idle sign-out and lets the member stay', async () => {
    const company = await createCompany();
    await company.update({ loginSettings: { idleTimeoutMinutes: 10 } });
    const member = await createMember(company);
    const page = await browser!.newPage();
    await page.clock.install();
    await signIn(page, member.email);
    const warning = page.locator('.idle-warning');
    expect(await warning.isHidden()).to.equal(true);
    await page.clock.fastForward('09:05');
    await warning.waitFor({ state: 'visible' });
    expect(await warning.textContent()).to.include('signed out in one minute');
    const keepAlive = page.waitForResponse((r) =>
      r.url().endsWith('/session/keep-alive'),
    );
    await page.click('text=Stay signed in');
    expect((await keepAlive).status()).to.equal(204);
    await warning.waitFor({ state: 'hidden' });
    await page.close();
  });
});
