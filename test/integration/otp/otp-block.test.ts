import { expect } from 'chai';
import type { Job } from 'bullmq';
import { QueryTypes } from 'sequelize';
import { database, Member, Session } from '../../../db/index.js';
import { queueFor } from '../../../core/queues/index.js';
import { unblockJobId } from '../../../core/otp-policy/unblock.js';
import { otpUnblock } from '../../../workers/jobs/otp-unblock.js';
import type { WorkerContext } from '../../../workers/job-definition.js';
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

describe('the 24-hour OTP block', () => {
  let baseUrl: string;
  before(async () => {
    baseUrl = (await useServer()).url;
  });

  async function blockedMember() {
    const { member, secret } = await enrolledMember();
    // Nine failures spread over three browsers: the budget is the account's.
    const clients = [
      new HttpClient(baseUrl),
      new HttpClient(baseUrl),
      new HttpClient(baseUrl),
    ];
    for (const client of clients) await signInToOtpStep(client, member);
    for (let i = 0; i < 9; i += 1) {
      const response = await clients[i % 3]!.post('/sign-in/otp', {
        code: await wrongCode(secret),
      });
      expect(response.status, `failure ${i + 1}`).to.equal(401);
    }
    const last = clients[0]!;
    const tenth = await last.post('/sign-in/otp', {
      code: await wrongCode(secret),
    });
    return { member, secret, tenth, last };
  }

  describe('at the tenth failure within 24 hours', () => {
    it('answers 429 "Too many requests." with when it ends and who can reset it', async () => {
      const { tenth } = await blockedMember();
      expect(tenth.status).to.equal(429);
      const body = await tenth.text();
      expect(body).to.include('Too many requests.');
      expect(body).to.match(
        /blocked for your account until \d{4}-\d\d-\d\d \d\d:\d\d UTC/,
      );
      expect(body).to.include('A company administrator can reset it');
    });

    it('ends the pending sign-in', async () => {
      const { member, last } = await blockedMember();
      const pending = await Session.count({
        where: { memberId: member.id, revokedReason: 'otp blocked' },
      });
      expect(pending).to.equal(1);
      const response = await last.page('/sign-in/otp');
      expect(response.status).to.equal(303);
      expect(response.headers.get('location')).to.equal('/sign-in');
    });

    it('schedules one otp-unblock job with a deterministic id for the end of the block', async () => {
      const { member } = await blockedMember();
      const job = await queueFor('otp-unblock').getJob(unblockJobId(member.id));
      expect(job?.data).to.deep.equal({ memberId: member.id });
      const { otp_blocked_until: until } = await otpRow(member.id);
      expect(job!.timestamp + (job!.opts.delay ?? 0)).to.be.closeTo(
        until!.getTime(),
        5_000,
      );
      expect(until!.getTime() - Date.now()).to.be.closeTo(
        24 * 3600_000,
        60_000,
      );
    });
  });

  describe('while blocked', () => {
    it('answers the eleventh attempt with 429 even when the code is right', async () => {
      const { member, secret } = await enrolledMember();
      const waiting = new HttpClient(baseUrl);
      await signInToOtpStep(waiting, member);
      const client = new HttpClient(baseUrl);
      await signInToOtpStep(client, member);
      for (let i = 0; i < 10; i += 1)
        await client.post('/sign-in/otp', { code: await wrongCode(secret) });

      const eleventh = await waiting.post('/sign-in/otp', {
        code: await codeAt(secret),
      });
      expect(eleventh.status).to.equal(429);
      expect(await eleventh.text()).to.include('Too many requests.');
      expect((await otpRow(member.id)).otp_last_time_step).to.equal(null);

      const later = new HttpClient(baseUrl);
      await later.signIn(member.email, defaultPassword);
      expect((await later.page('/sign-in/otp')).status).to.equal(429);
    });
  });

  describe('when its time has passed', () => {
    it('is over without the job: a right code signs in and the count starts again', async () => {
      const { member, secret } = await blockedMember();
      await Member.update(
        {
          otpBlockedUntil: new Date(Date.now() - 1000),
          otpFailureWindowStart: new Date(Date.now() - 25 * 3600_000),
        },
        { where: { id: member.id } },
      );
      const client = new HttpClient(baseUrl);
      await signInToOtpStep(client, member);
      const response = await client.post('/sign-in/otp', {
        code: await codeAt(secret),
      });
      expect(response.status).to.equal(303);
      expect((await otpRow(member.id)).otp_failure_count).to.equal(0);
    });

    it('is cleared by the unblock job, which tells the member once', async () => {
      const { member } = await blockedMember();
      await Member.update(
        { otpBlockedUntil: new Date(Date.now() - 1000) },
        { where: { id: member.id } },
      );
      const job = { data: { memberId: member.id } } as Job<{
        memberId: string;
      }>;
      const context = {} as WorkerContext;
      await otpUnblock.handle(job, context);
      await otpUnblock.handle(job, context);

      const row = await otpRow(member.id);
      expect(row.otp_blocked_until).to.equal(null);
      expect(row.otp_failure_count).to.equal(0);
      const news = await database().query<{ kind: string }>(
        'SELECT kind FROM news WHERE member_id = $1',
        { bind: [member.id], type: QueryTypes.SELECT },
      );
      expect(news.map((n) => n.kind)).to.deep.equal(['otp_unblocked']);
      const mails = await database().query<{ template: string }>(
        'SELECT template FROM email_messages WHERE member_id = $1',
        { bind: [member.id], type: QueryTypes.SELECT },
      );
      expect(mails.map((m) => m.template)).to.deep.equal(['otp-unblocked']);
    });

    it('is left alone by a job that runs before the block ends', async () => {
      const { member } = await blockedMember();
      await otpUnblock.handle(
        { data: { memberId: member.id } } as Job<{ memberId: string }>,
        {} as WorkerContext,
      );
      expect((await otpRow(member.id)).otp_blocked_until).to.not.equal(null);
    });
  });
});
