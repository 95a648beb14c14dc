import { expect } from 'chai';
import { EmailMessage, Member, News, Session } from '../../../db/index.js';
import { lockoutJobId } from '../../../core/login/lockout.js';
import { queueFor } from '../../../core/queues/index.js';
import { invalidCredentialsMessage } from '../../../core/auth/sign-in.js';
import { lockoutExpiry } from '../../../workers/jobs/lockout-expiry.js';
import {
  createCompany,
  createMember,
  defaultPassword,
} from '../../support/factories.js';
import { HttpClient } from '../../support/http-client.js';
import { useServer } from '../../support/server.js';
import {
  alertText,
  auditEventsFor,
  fakeJob,
  setLoginSettings,
} from './helpers.js';

const wrong = 'definitely not the password';
const noContext = {} as never;

describe('lockout', () => {
  let baseUrl: string;
  before(async () => {
    baseUrl = (await useServer()).url;
  });

  async function failTimes(email: string, times: number) {
    const client = new HttpClient(baseUrl);
    for (let i = 0; i < times; i += 1) await client.signIn(email, wrong);
  }

  describe('with the default threshold of 5', () => {
    it('locks the account after the fifth failure, not before', async () => {
      const company = await createCompany();
      const member = await createMember(company);
      await failTimes(member.email, 4);
      expect((await Member.findByPk(member.id))?.lockedAt).to.equal(null);
      await failTimes(member.email, 1);
      const locked = await Member.findByPk(member.id);
      expect(locked?.lockedAt).to.be.an.instanceOf(Date);
      expect(locked?.failedSignInCount).to.equal(5);
    });

    it('refuses the correct password on a locked account with the answer any failure gets, which says how to get back in', async () => {
      const company = await createCompany();
      const member = await createMember(company);
      await failTimes(member.email, 5);
      const client = new HttpClient(baseUrl);
      const response = await client.signIn(member.email, defaultPassword);
      expect(response.status).to.equal(401);
      // The same answer as a wrong password: a locked account must not
      // tell a guesser that the password was right.
      expect(alertText(await response.text())).to.equal(
        invalidCredentialsMessage,
      );
      expect(invalidCredentialsMessage).to.contain('reset the password');
      expect(client.cookie('gh_session')).to.equal(undefined);
    });

    it('tells a stranger with a wrong password nothing about the lock', async () => {
      const company = await createCompany();
      const member = await createMember(company);
      await failTimes(member.email, 5);
      const response = await new HttpClient(baseUrl).signIn(
        member.email,
        wrong,
      );
      expect(alertText(await response.text())).to.equal(
        invalidCredentialsMessage,
      );
    });

    it('ends the member’s sessions, notifies them and audits the lock', async () => {
      const company = await createCompany();
      const member = await createMember(company);
      const signedIn = new HttpClient(baseUrl);
      await signedIn.signIn(member.email, defaultPassword);
      await failTimes(member.email, 5);
      expect(
        await Session.count({
          where: { memberId: member.id, revokedAt: null },
        }),
      ).to.equal(0);
      expect((await signedIn.page('/')).status).to.equal(303);
      expect(
        await News.count({
          where: { memberId: member.id, kind: 'account-locked' },
        }),
      ).to.equal(1);
      const email = await EmailMessage.findOne({
        where: { memberId: member.id, template: 'account-locked' },
      });
      expect(email?.data)
        .to.have.property('link')
        .that.matches(/\/password\/forgot$/);
      const locks = (await auditEventsFor(member.id)).filter(
        (e) => e.details.change === 'account locked',
      );
      expect(locks).to.have.length(1);
    });

    it('clears the count after a successful sign-in', async () => {
      const company = await createCompany();
      const member = await createMember(company);
      await failTimes(member.email, 4);
      await new HttpClient(baseUrl).signIn(member.email, defaultPassword);
      expect((await Member.findByPk(member.id))?.failedSignInCount).to.equal(0);
      await failTimes(member.email, 4);
      expect((await Member.findByPk(member.id))?.lockedAt).to.equal(null);
    });
  });

  describe('under 50 parallel wrong passwords', () => {
    it('locks at exactly n, records every attempt and checks at most n passwords', async () => {
      const company = await createCompany();
      await setLoginSettings(company, { lockoutThreshold: 3 });
      const member = await createMember(company);
      const client = new HttpClient(baseUrl);
      await client.page('/sign-in');
      const responses = await Promise.all(
        Array.from({ length: 50 }, () =>
          client.post('/sign-in', { email: member.email, password: wrong }),
        ),
      );
      expect(responses.map((r) => r.status)).to.deep.equal(Array(50).fill(401));
      const after = await Member.findByPk(member.id);
      expect(after?.failedSignInCount).to.equal(50);
      const events = await auditEventsFor(member.id);
      const failures = events.filter((e) => e.outcome === 'failure');
      expect(failures).to.have.length(50);
      const counts = failures
        .map((e) => e.details.failedSignIns)
        .sort((a, b) => Number(a) - Number(b));
      expect(counts).to.deep.equal(Array.from({ length: 50 }, (_, i) => i + 1));
      const checked = failures.filter(
        (e) => e.details.reason === 'wrong password',
      );
      expect(checked.length).to.be.within(1, 3);
      expect(
        events.filter((e) => e.details.change === 'account locked'),
      ).to.have.length(1);
      expect(
        await News.count({
          where: { memberId: member.id, kind: 'account-locked' },
        }),
      ).to.equal(1);
    });

    it('gives no session to the right password sent last in a parallel burst of guesses', async () => {
      for (let round = 0; round < 3; round += 1) {
        const company = await createCompany();
        await setLoginSettings(company, { lockoutThreshold: 5 });
        const member = await createMember(company);
        const clients = await Promise.all(
          Array.from({ length: 30 }, async () => {
            const client = new HttpClient(baseUrl);
            await client.page('/sign-in');
            return client;
          }),
        );
        const responses = await Promise.all(
          clients.map((client, i) =>
            client.post('/sign-in', {
              email: member.email,
              password: i === 29 ? defaultPassword : wrong,
            }),
          ),
        );
        const winners = responses.filter((r) => r.status === 303).length;
        const events = await auditEventsFor(member.id);
        const checked = events.filter(
          (e) => e.details.reason === 'wrong password',
        );
        expect(checked.length, 'passwords checked').to.be.at.most(5);
        // The right guess can only win while fewer than n guesses were made.
        if (winners > 0) expect(checked.length).to.be.below(5);
        else
          expect(
            (await Member.findByPk(member.id))?.lockedAt,
          ).to.be.an.instanceOf(Date);
      }
    });
  });

  describe('when switched off', () => {
    it('never locks', async () => {
      const company = await createCompany();
      await setLoginSettings(company, { lockoutThreshold: 0 });
      const member = await createMember(company);
      await failTimes(member.email, 11);
      expect((await Member.findByPk(member.id))?.lockedAt).to.equal(null);
      const response = await new HttpClient(baseUrl).signIn(
        member.email,
        defaultPassword,
      );
      expect(response.status).to.equal(303);
    });
  });

  describe('with automatic release after 10 minutes', () => {
    it('sets the release time and ends the lock on time even if its job never runs', async () => {
      const company = await createCompany();
      await setLoginSettings(company, { lockoutReleaseMinutes: 10 });
      const member = await createMember(company);
      await failTimes(member.email, 5);
      const locked = await Member.findByPk(member.id);
      const minutes =
        (locked!.lockExpiresAt!.getTime() - locked!.lockedAt!.getTime()) /
        60_000;
      expect(minutes).to.equal(10);
      const job = await queueFor('lockout-expiry').getJob(
        lockoutJobId(member.id, locked!.lockedAt!),
      );
      expect(job?.data).to.deep.equal({ memberId: member.id });
      expect(job?.opts.delay).to.be.within(9 * 60_000, 10 * 60_000);
      expect(job?.id).to.not.include(':');
      expect(
        (await new HttpClient(baseUrl).signIn(member.email, defaultPassword))
          .status,
      ).to.equal(401);

      // Ten minutes pass; no worker runs.
      await Member.update(
        {
          lockedAt: new Date(Date.now() - 11 * 60_000),
          lockExpiresAt: new Date(Date.now() - 60_000),
        },
        { where: { id: member.id } },
      );
      const response = await new HttpClient(baseUrl).signIn(
        member.email,
        defaultPassword,
      );
      expect(response.status).to.equal(303);
      const after = await Member.findByPk(member.id);
      expect(after?.lockedAt).to.equal(null);
      expect(after?.failedSignInCount).to.equal(0);
    });

    it('counts afresh after an expired lock', async () => {
      const company = await createCompany();
      await setLoginSettings(company, { lockoutReleaseMinutes: 10 });
      const member = await createMember(company);
      await failTimes(member.email, 5);
      await Member.update(
        { lockExpiresAt: new Date(Date.now() - 1000) },
        { where: { id: member.id } },
      );
      await failTimes(member.email, 1);
      const after = await Member.findByPk(member.id);
      expect(after?.failedSignInCount).to.equal(1);
      expect(after?.lockedAt).to.equal(null);
    });
  });

  describe('the lockout-expiry job', () => {
    it('releases a due lock once, notifies and audits, and does nothing the second time', async () => {
      const company = await createCompany();
      await setLoginSettings(company, { lockoutReleaseMinutes: 10 });
      const member = await createMember(company);
      await failTimes(member.email, 5);
      await Member.update(
        { lockExpiresAt: new Date(Date.now() - 1000) },
        { where: { id: member.id } },
      );
      await lockoutExpiry.handle(fakeJob({ memberId: member.id }), noContext);
      await lockoutExpiry.handle(fakeJob({ memberId: member.id }), noContext);
      const after = await Member.findByPk(member.id);
      expect(after?.lockedAt).to.equal(null);
      expect(
        await News.count({
          where: { memberId: member.id, kind: 'account-unlocked' },
        }),
      ).to.equal(1);
      const releases = (await auditEventsFor(member.id)).filter(
        (e) => e.details.change === 'account unlocked',
      );
      expect(releases).to.have.length(1);
    });

    it('leaves a lock whose time has not come', async () => {
      const company = await createCompany();
      await setLoginSettings(company, { lockoutReleaseMinutes: 60 });
      const member = await createMember(company);
      await failTimes(member.email, 5);
      await lockoutExpiry.handle(fakeJob({ memberId: member.id }), noContext);
      expect((await Member.findByPk(member.id))?.lockedAt).to.be.an.instanceOf(
        Date,
      );
    });
  });
});
