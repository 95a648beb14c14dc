import { expect } from 'chai';
import { Member } from '../../../db/index.js';
import {
  createCompany,
  createMember,
  defaultPassword,
} from '../../support/factories.js';
import { HttpClient } from '../../support/http-client.js';
import { useServer } from '../../support/server.js';
import { alertText, auditEventsFor, setLoginSettings } from './helpers.js';
import {
  codeAt,
  enableOtp,
  enrol,
  signInToOtpStep,
} from '../otp/otp-fixtures.js';

const fresh = 'a completely fresh passphrase 271';

describe('forced password change', () => {
  let baseUrl: string;
  before(async () => {
    baseUrl = (await useServer()).url;
  });

  async function signInExpectingChange(
    email: string,
    password = defaultPassword,
  ) {
    const client = new HttpClient(baseUrl);
    expect((await client.signIn(email, password)).status).to.equal(303);
    const home = await client.page('/');
    expect(home.headers.get('location')).to.equal('/sign-in/password');
    expect(
      (await client.page('/settings/login')).headers.get('location'),
    ).to.equal('/sign-in/password');
    await client.page('/sign-in/password');
    return client;
  }

  describe('after the password expired', () => {
    it('lets the member sign in, then asks for a new password before anything else', async () => {
      const company = await createCompany();
      await setLoginSettings(company, { passwordExpiryDays: 30 });
      const member = await createMember(company);
      await Member.update(
        { passwordChangedAt: new Date(Date.now() - 31 * 86_400_000) },
        { where: { id: member.id } },
      );
      const client = await signInExpectingChange(member.email);
      const same = await client.post('/sign-in/password', {
        password: defaultPassword,
        confirm: defaultPassword,
      });
      expect(same.status).to.equal(400);
      expect(await same.text()).to.include(
        'must be different from the current one',
      );
      const response = await client.post('/sign-in/password', {
        password: fresh,
        confirm: fresh,
      });
      expect(response.status).to.equal(303);
      expect((await client.page('/')).status).to.equal(200);
      const after = await Member.findByPk(member.id);
      expect(after?.mustChangePassword).to.equal(false);
      expect(Date.now() - after!.passwordChangedAt!.getTime()).to.be.below(
        60_000,
      );
      const event = (await auditEventsFor(member.id)).find(
        (e) => e.details.change === 'password changed',
      );
      expect(event?.details.via).to.equal('forced change');
    });

    it('does not ask while the password is within its period', async () => {
      const company = await createCompany();
      await setLoginSettings(company, { passwordExpiryDays: 30 });
      const member = await createMember(company);
      await Member.update(
        { passwordChangedAt: new Date(Date.now() - 29 * 86_400_000) },
        { where: { id: member.id } },
      );
      const client = new HttpClient(baseUrl);
      await client.signIn(member.email, defaultPassword);
      expect((await client.page('/')).status).to.equal(200);
    });
  });

  describe('when the password no longer meets the rules', () => {
    it('asks for a new one at the next sign-in, applying the new rules', async () => {
      const company = await createCompany();
      const member = await createMember(company);
      await setLoginSettings(company, { passwordRules: { minLength: 40 } });
      const client = await signInExpectingChange(member.email);
      const short = await client.post('/sign-in/password', {
        password: fresh,
        confirm: fresh,
      });
      expect(short.status).to.equal(400);
      expect(await short.text()).to.include('at least 40 characters');
      const long = 'a passphrase long enough for forty characters';
      expect(
        (
          await client.post('/sign-in/password', {
            password: long,
            confirm: long,
          })
        ).status,
      ).to.equal(303);
      expect((await client.page('/')).status).to.equal(200);
    });
  });

  describe('the password change page', () => {
    it('is not reachable without a pending change', async () => {
      const company = await createCompany();
      const member = await createMember(company);
      const client = new HttpClient(baseUrl);
      await client.signIn(member.email, defaultPassword);
      expect(
        (await client.page('/sign-in/password')).headers.get('location'),
      ).to.equal('/');
    });
  });
});

describe('password rules on the change page', () => {
  let baseUrl: string;
  before(async () => {
    baseUrl = (await useServer()).url;
  });

  it('treats two passwords that share their first 72 bytes as different passwords', async () => {
    const company = await createCompany();
    const prefix = 'x'.repeat(30) + 'é'.repeat(21); // 72 bytes of UTF-8
    expect(Buffer.byteLength(prefix)).to.equal(72);
    const first = `${prefix}first`;
    const second = `${prefix}second`;
    const member = await createMember(company, { password: first });
    const right = await new HttpClient(baseUrl).signIn(member.email, first);
    expect(right.status).to.equal(303);
    const wrong = await new HttpClient(baseUrl).signIn(member.email, second);
    expect(wrong.status).to.equal(401);
  });

  it('refuses a password containing the email name, saying which rule failed', async () => {
    const company = await createCompany();
    const member = await createMember(company);
    const client = new HttpClient(baseUrl);
    await client.signIn(member.email, defaultPassword);
    await client.page('/account/password');
    const name = member.email.split('@')[0];
    const response = await client.post('/account/password', {
      current: defaultPassword,
      password: `${name} likes tea`,
      confirm: `${name} likes tea`,
    });
    expect(response.status).to.equal(400);
    expect(await response.text()).to.include(
      'must not contain the part of your email address',
    );
  });

  it('changes the password and ends the member’s other sessions', async () => {
    const company = await createCompany();
    const member = await createMember(company);
    const other = new HttpClient(baseUrl);
    await other.signIn(member.email, defaultPassword);
    const client = new HttpClient(baseUrl);
    await client.signIn(member.email, defaultPassword);
    await client.page('/account/password');
    const response = await client.post('/account/password', {
      current: defaultPassword,
      password: fresh,
      confirm: fresh,
    });
    expect(response.status).to.equal(200);
    expect((await client.page('/')).status).to.equal(200);
    expect((await other.page('/')).status).to.equal(303);
  });
});

describe('a wrong current password on the password page', () => {
  let baseUrl: string;
  before(async () => {
    baseUrl = (await useServer()).url;
  });

  it('counts toward the lockout and ends the sessions when it locks', async () => {
    const company = await createCompany();
    const member = await createMember(company);
    const client = new HttpClient(baseUrl);
    await client.signIn(member.email, defaultPassword);
    for (let i = 0; i < 5; i += 1) {
      await client.page('/account/password');
      if (client.lastBody.includes('name="_csrf"') === false) break;
      const response = await client.post('/account/password', {
        current: `not it ${i}`,
        password: fresh,
        confirm: fresh,
      });
      expect(response.status).to.equal(400);
    }
    const after = await Member.findByPk(member.id);
    expect(after?.failedSignInCount).to.equal(5);
    expect(after?.lockedAt).to.be.an.instanceOf(Date);
    expect((await client.page('/')).status).to.equal(303);
  });
});

describe('leave of absence', () => {
  let baseUrl: string;
  before(async () => {
    baseUrl = (await useServer()).url;
  });

  it('refuses a member on leave by default, saying why', async () => {
    const company = await createCompany();
    const member = await createMember(company, {
      employmentStatus: 'on_leave',
    });
    const response = await new HttpClient(baseUrl).signIn(
      member.email,
      defaultPassword,
    );
    expect(response.status).to.equal(401);
    expect(alertText(await response.text())).to.include(
      'on leave of absence cannot sign in',
    );
  });

  it('lets a member on leave sign in when the company allows it', async () => {
    const company = await createCompany();
    await setLoginSettings(company, { allowOnLeaveSignIn: true });
    const member = await createMember(company, {
      employmentStatus: 'on_leave',
    });
    expect(
      (await new HttpClient(baseUrl).signIn(member.email, defaultPassword))
        .status,
    ).to.equal(303);
  });

  it('ends a member’s session when their status changes to on leave', async () => {
    const company = await createCompany();
    const member = await createMember(company);
    const client = new HttpClient(baseUrl);
    await client.signIn(member.email, defaultPassword);
    expect((await client.page('/')).status).to.equal(200);
    await Member.update(
      { employmentStatus: 'on_leave' },
      { where: { id: member.id } },
    );
    expect((await client.page('/')).status).to.equal(303);
  });
});

describe('forced password change with 2-step authentication on', () => {
  let baseUrl: string;
  before(async () => {
    baseUrl = (await useServer()).url;
  });

  it('asks for the code first, then the new password, then signs in fully', async () => {
    const company = await createCompany();
    await enableOtp(company);
    await setLoginSettings(company, { passwordExpiryDays: 30 });
    const member = await createMember(company);
    const secret = await enrol(member);
    await Member.update(
      { passwordChangedAt: new Date(Date.now() - 31 * 86_400_000) },
      { where: { id: member.id } },
    );
    const client = new HttpClient(baseUrl);
    await signInToOtpStep(client, member);
    const otp = await client.post('/sign-in/otp', {
      code: await codeAt(secret),
    });
    expect(otp.status).to.equal(303);
    expect((await client.page('/')).headers.get('location')).to.equal(
      '/sign-in/password',
    );
    await client.page('/sign-in/password');
    const set = await client.post('/sign-in/password', {
      password: fresh,
      confirm: fresh,
    });
    expect(set.status).to.equal(303);
    expect((await client.page('/')).status).to.equal(200);
  });
});
