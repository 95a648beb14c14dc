import { expect } from 'chai';
import {
  createCompany,
  createMember,
  defaultPassword,
} from '../../support/factories.js';
import { HttpClient } from '../../support/http-client.js';
import { useServer } from '../../support/server.js';
import {
  auditEventsOf,
  codeAt,
  enableOtp,
  otpRow,
  wrongCode,
} from './otp-fixtures.js';

/** Reads the secret shown for manual entry off the enrolment page. */
export function secretOnPage(body: string): string {
  const match = /id="otp-secret">([A-Z2-7 ]+)</.exec(body);
  if (!match?.[1]) throw new Error('no secret on the enrolment page');
  return match[1].replace(/ /g, '');
}

describe('OTP enrolment and recovery codes', () => {
  let baseUrl: string;
  before(async () => {
    baseUrl = (await useServer()).url;
  });

  async function enrolThroughPages() {
    const company = await createCompany();
    await enableOtp(company);
    const member = await createMember(company);
    const client = new HttpClient(baseUrl);
    await client.signIn(member.email, defaultPassword);
    const home = await client.page('/');
    expect(home.headers.get('location')).to.equal('/sign-in/otp/enrol');
    const page = await client.page('/sign-in/otp/enrol');
    expect(page.status).to.equal(200);
    const secret = secretOnPage(client.lastBody);
    return { company, member, client, secret };
  }

  describe('for a member who has not enrolled', () => {
    it('shows a QR code image and the secret, and keeps both on reload', async () => {
      const { client, secret, member } = await enrolThroughPages();
      expect(client.lastBody).to.match(
        /<img class="qr" src="data:image\/png;base64,[A-Za-z0-9+/]+(=|&#x3D;)*"/,
      );
      expect(secret).to.match(/^[A-Z2-7]{32}$/);
      await client.page('/sign-in/otp/enrol');
      expect(secretOnPage(client.lastBody)).to.equal(secret);
      const stored = await otpRow(member.id);
      expect(stored.otp_secret_encrypted)
        .to.match(/^v1:/)
        .and.not.include(secret);
      expect(stored.otp_enrolled_at).to.equal(null);
    });

    it('refuses a wrong code and completes with a right one, under a new session id', async () => {
      const { client, secret, member } = await enrolThroughPages();
      const wrong = await client.post('/sign-in/otp/enrol', {
        code: await wrongCode(secret),
      });
      expect(wrong.status).to.equal(400);
      expect((await otpRow(member.id)).otp_enrolled_at).to.equal(null);

      await client.page('/sign-in/otp/enrol');
      const before = client.cookie('gh_session');
      const right = await client.post('/sign-in/otp/enrol', {
        code: await codeAt(secret),
      });
      expect(right.status).to.equal(200);
      const codes = [
        ...(await right.text()).matchAll(
          /<li><code>([a-z0-9-]+)<\/code><\/li>/g,
        ),
      ].map((m) => m[1]);
      expect(codes).to.have.length(10);
      expect(new Set(codes).size).to.equal(10);
      expect(client.cookie('gh_session')).to.not.equal(before);
      expect((await client.page('/')).status).to.equal(200);
      expect((await otpRow(member.id)).otp_enrolled_at).to.not.equal(null);
      const [event] = await auditEventsOf(member.id, 'authentication_token');
      expect(event?.details).to.include({
        otpEnrolled: true,
        recoveryCodesIssued: 10,
      });
    });
  });

  describe('recovery codes', () => {
    async function enrolledWithCodes() {
      const setup = await enrolThroughPages();
      const right = await setup.client.post('/sign-in/otp/enrol', {
        code: await codeAt(setup.secret),
      });
      const codes = [
        ...(await right.text()).matchAll(
          /<li><code>([a-z0-9-]+)<\/code><\/li>/g,
        ),
      ].map((m) => m[1]!);
      return { ...setup, codes };
    }

    it('signs in once with a code, says how many remain, and refuses the same code again', async () => {
      const { member, codes } = await enrolledWithCodes();
      const first = new HttpClient(baseUrl);
      await first.signIn(member.email, defaultPassword);
      await first.page('/sign-in/otp');
      const used = await first.post('/sign-in/otp', {
        code: codes[3]!.toUpperCase(),
      });
      expect(used.status).to.equal(200);
      expect(await used.text()).to.include(
        '<strong>9</strong> recovery codes left',
      );
      expect((await first.page('/')).status).to.equal(200);
      const [event] = await auditEventsOf(member.id, 'authentication_token');
      expect(event?.details).to.include({
        otpMethod: 'recovery_code',
        recoveryCodesLeft: 9,
      });
      expect(JSON.stringify(event?.details)).to.not.include(codes[3]!);

      const second = new HttpClient(baseUrl);
      await second.signIn(member.email, defaultPassword);
      await second.page('/sign-in/otp');
      const again = await second.post('/sign-in/otp', { code: codes[3]! });
      expect(again.status).to.equal(401);
      expect((await otpRow(member.id)).otp_failure_count).to.equal(1);
    });

    it('lets only one of two parallel sign-ins spend the same code', async () => {
      const { member, codes } = await enrolledWithCodes();
      const clients = [new HttpClient(baseUrl), new HttpClient(baseUrl)];
      for (const client of clients) {
        await client.signIn(member.email, defaultPassword);
        await client.page('/sign-in/otp');
      }
      const responses = await Promise.all(
        clients.map((client) =>
          client.post('/sign-in/otp', { code: codes[0]! }),
        ),
      );
      expect(responses.map((r) => r.status).sort()).to.deep.equal([200, 401]);
    });
  });
});
