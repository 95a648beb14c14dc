import { expect } from 'chai';
import { defaultPassword } from '../../support/factories.js';
import { HttpClient } from '../../support/http-client.js';
import { useServer } from '../../support/server.js';
import {
  codeAt,
  enrolledMember,
  otpRow,
  signInToOtpStep,
  wrongCode,
} from './otp-fixtures.js';

describe('a member’s own 2-step authentication', () => {
  let baseUrl: string;
  before(async () => {
    baseUrl = (await useServer()).url;
  });

  async function signedIn() {
    const { member, secret } = await enrolledMember();
    const client = new HttpClient(baseUrl);
    await signInToOtpStep(client, member);
    await client.post('/sign-in/otp', {
      code: await codeAt(secret, new Date(Date.now() - 30_000)),
    });
    await client.page('/account/otp');
    return { member, secret, client };
  }

  it('shows that OTP is on and set up', async () => {
    const { client } = await signedIn();
    expect(client.lastBody).to.match(/id="otp-status">Yes, since/);
    expect(client.lastBody).to.include('href="/help/otp"');
  });

  it('re-enrols only with the password and a current code', async () => {
    const { member, secret, client } = await signedIn();
    const noPassword = await client.post('/account/otp/re-enrol', {
      password: 'wrong password',
      code: await codeAt(secret),
    });
    expect(noPassword.status).to.equal(400);
    await client.page('/account/otp');
    const noCode = await client.post('/account/otp/re-enrol', {
      password: defaultPassword,
      code: await wrongCode(secret),
    });
    expect(noCode.status).to.equal(400);
    expect((await otpRow(member.id)).otp_failure_count).to.equal(1);

    await client.page('/account/otp');
    const ok = await client.post('/account/otp/re-enrol', {
      password: defaultPassword,
      code: await codeAt(secret),
    });
    expect(ok.status).to.equal(303);
    expect(ok.headers.get('location')).to.equal('/sign-in/otp/enrol');
    expect((await otpRow(member.id)).otp_enrolled_at).to.equal(null);
    expect((await client.page('/')).headers.get('location')).to.equal(
      '/sign-in/otp/enrol',
    );
  });

  it('has a guide page anyone can read', async () => {
    const response = await new HttpClient(baseUrl).page('/help/otp');
    expect(response.status).to.equal(200);
    expect(await response.text())
      .to.include('Too many requests.')
      .and.include('recovery codes');
  });
});
