import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import {
  createCompany,
  createMember,
  defaultPassword,
} from '../support/factories.js';
import { launchBrowser } from '../support/browser.js';
import { useServer } from '../support/server.js';
import { requireTool } from '../support/tools.js';

/** A code from Debian's oathtool, an authenticator independent of ours. */
function oathtool(secret: string, at = new Date()): string {
  const when = at.toISOString().replace('T', ' ').slice(0, 19) + ' UTC';
  return execFileSync('oathtool', ['--totp', '-b', '-N', when, secret], {
    encoding: 'utf8',
  }).trim();
}

async function signInWithPassword(page: Page, baseUrl: string, email: string) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.fill('#email', email);
  await page.fill('#password', defaultPassword);
  await page.click('button[type=submit]');
}

describe('OTP enrolment and sign-in in a real browser', function () {
  this.timeout(120_000);
  let browser: Browser | undefined;
  let baseUrl: string;

  before(async function () {
    requireTool(this, 'chromium', ['/usr/bin/chromium', '--version']);
    requireTool(this, 'oathtool', ['oathtool', '--version']);
    baseUrl = (await useServer()).url;
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
  });

  it('enrols with the QR page and signs in again with codes from oathtool', async () => {
    const company = await createCompany();
    await company.update({ otpSettings: { enabled: true } });
    const member = await createMember(company);
    const page = await browser!.newPage();

    await signInWithPassword(page, baseUrl, member.email);
    await page.waitForURL(`${baseUrl}/sign-in/otp/enrol`);
    const qr = page.locator('img.qr');
    expect(await qr.getAttribute('src')).to.match(/^data:image\/png;base64,/);
    expect(
      await qr.evaluate((img: HTMLImageElement) => img.naturalWidth),
    ).to.be.greaterThan(100);
    const secret = (await page.textContent('#otp-secret'))!.replace(/\s/g, '');

    const enrolledAt = new Date();
    await page.fill('#code', oathtool(secret, enrolledAt));
    await page.click('button[type=submit]');
    await page.waitForSelector('ul.recovery-codes');
    expect(await page.locator('ul.recovery-codes li').count()).to.equal(10);
    await page.click('text=I have saved them, continue');
    await page.waitForURL(`${baseUrl}/`);
    await page.click('button:has-text("Sign out")');
    await page.waitForURL(/\/sign-in$/);

    await signInWithPassword(page, baseUrl, member.email);
    await page.waitForURL(`${baseUrl}/sign-in/otp`);
    // The enrolment code is spent; the next step's code is within tolerance.
    await page.fill(
      '#code',
      oathtool(secret, new Date(enrolledAt.getTime() + 30_000)),
    );
    await page.click('button[type=submit]');
    await page.waitForURL(`${baseUrl}/`);
    expect(await page.textContent('h1')).to.not.equal('2-step authentication');
    await page.close();
  });
});
