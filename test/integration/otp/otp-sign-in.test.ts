import { expect } from 'chai';
import { Session } from '../../../db/index.js';
import { HttpClient } from '../../support/http-client.js';
import { useServer } from '../../support/server.js';
import {
  auditEventsOf,
  codeAt,
  enrolledMember,
  otpRow,
  signInToOtpStep,
  wrongCode,
} from './otp-fixtures.js';

describe('the OTP step of sign-in', () => {
  let baseUrl: string;
  before(async () => {
    baseUrl = (await useServer()).url;
  });

  describe('while the session is pending', () => {
    it('reaches nothing but the OTP page', async () => {
      const { member } = await enrolledMember();
      const client = new HttpClient(baseUrl);
      await signInToOtpStep(client, member);
      for (const path of ['/', '/news', '/account/otp', '/audit-log']) {
        const response = await client.page(path);
        expect(response.status, path).to.equal(303);
        expect(response.headers.get('location'), path).to.equal('/sign-in/otp');
      }
    });
  });

  describe('with the right code', () => {
    it('signs in with a new session id and records the OTP step', async () => {
      const { member, secret } = await enrolledMember();
      const client = new HttpClient(baseUrl);
      await signInToOtpStep(client, member);
      const pendingToken = client.cookie('gh_session');

      const response = await client.post('/sign-in/otp', {
        code: await codeAt(secret),
      });
      expect(response.status).to.equal(303);
      expect(response.headers.get('location')).to.equal('/');
      expect(client.cookie('gh_session'))
        .to.be.a('string')
        .and.not.equal(pendingToken);
      expect((await client.page('/')).status).to.equal(200);

      const stale = new HttpClient(baseUrl);
      const old = await stale.request('GET', '/', {
        headers: { cookie: `gh_session=${pendingToken}`, accept: 'text/html' },
      });
      expect(old.status).to.equal(303);
      expect(old.headers.get('location')).to.match(/^\/sign-in\?/);
      const [event] = await auditEventsOf(member.id, 'authentication_token');
      expect(event?.outcome).to.equal('success');
      expect(event?.details).to.include({ step: 'otp', otpMethod: 'totp' });
      expect(JSON.stringify(event?.details)).to.not.include(secret);
    });

    it('resets the failure count', async () => {
      const { member, secret } = await enrolledMember();
      const client = new HttpClient(baseUrl);
      await signInToOtpStep(client, member);
      for (let i = 0; i < 3; i += 1)
        await client.post('/sign-in/otp', { code: await wrongCode(secret) });
      expect((await otpRow(member.id)).otp_failure_count).to.equal(3);
      await client.post('/sign-in/otp', { code: await codeAt(secret) });
      expect((await otpRow(member.id)).otp_failure_count).to.equal(0);
    });
  });

  describe('with a wrong or malformed code', () => {
    for (const code of [
      'abcdef',
      '12345',
      '1234567',
      ' ',
      '１２３４５６',
      '123456.0',
    ]) {
      it(`answers ${JSON.stringify(code)} as a failed attempt, not an error`, async () => {
        const { member } = await enrolledMember();
        const client = new HttpClient(baseUrl);
        await signInToOtpStep(client, member);
        const response = await client.post('/sign-in/otp', { code });
        expect(response.status).to.equal(401);
        expect(await response.text()).to.include('9 attempts left');
        expect((await otpRow(member.id)).otp_failure_count).to.equal(1);
      });
    }
  });

  describe('with a code that was already accepted', () => {
    it('refuses it at the next sign-in', async () => {
      const { member, secret } = await enrolledMember();
      const code = await codeAt(secret);
      const first = new HttpClient(baseUrl);
      await signInToOtpStep(first, member);
      expect((await first.post('/sign-in/otp', { code })).status).to.equal(303);

      const second = new HttpClient(baseUrl);
      await signInToOtpStep(second, member);
      expect((await second.post('/sign-in/otp', { code })).status).to.equal(
        401,
      );
    });
  });

  describe('with one valid code sent twice at the same time', () => {
    it('lets exactly one of them in', async () => {
      const { member, secret } = await enrolledMember();
      const clients = [
        new HttpClient(baseUrl),
        new HttpClient(baseUrl),
        new HttpClient(baseUrl),
      ];
      for (const client of clients) await signInToOtpStep(client, member);
      const code = await codeAt(secret);
      const responses = await Promise.all(
        clients.map((client) => client.post('/sign-in/otp', { code })),
      );
      const statuses = responses.map((response) => response.status).sort();
      expect(statuses).to.deep.equal([303, 401, 401]);
      const active = await Session.count({
        where: { memberId: member.id, stage: 'active', revokedAt: null },
      });
      expect(active).to.equal(1);
    });
  });
});
