import { expect } from 'chai';
import { EmailMessage, Member, News } from '../../../db/index.js';
import {
  dueThreshold,
  scanPasswordExpiry,
} from '../../../core/login/expiry-reminders.js';
import { queueFor, registerSchedules } from '../../../core/queues/index.js';
import { passwordExpiryReminder } from '../../../workers/jobs/password-expiry-reminder.js';
import { createCompany, createMember } from '../../support/factories.js';
import { useServer } from '../../support/server.js';
import { fakeJob, setLoginSettings } from './helpers.js';

const DAY = 86_400_000;

// Every state: a worker started by another suite in this run may already
// have taken the job.
async function reminderJobsFor(memberId: string) {
  const jobs = await queueFor('password-expiry-reminder').getJobs([
    'waiting',
    'delayed',
    'prioritized',
    'active',
    'completed',
    'failed',
  ]);
  return jobs.filter((job) => job.data.memberId === memberId);
}

async function memberExpiringIn(days: number, period = 90) {
  const company = await createCompany();
  await setLoginSettings(company, { passwordExpiryDays: period });
  const member = await createMember(company);
  // Half a day of slack keeps the day count stable while the test runs.
  const changedAt = new Date(Date.now() - (period - days) * DAY - DAY / 2);
  await Member.update(
    { passwordChangedAt: changedAt },
    { where: { id: member.id } },
  );
  return member;
}

describe('password expiry reminders', () => {
  before(async () => {
    await useServer();
  });

  describe('dueThreshold', () => {
    const now = new Date('2026-03-01T00:00:00Z');
    const inDays = (days: number) => new Date(now.getTime() + days * DAY);
    it('picks the threshold the days left fall under', () => {
      expect(dueThreshold(inDays(14), now)).to.equal(14);
      expect(dueThreshold(inDays(10), now)).to.equal(14);
      expect(dueThreshold(inDays(7), now)).to.equal(7);
      expect(dueThreshold(inDays(3), now)).to.equal(3);
      expect(dueThreshold(inDays(1), now)).to.equal(1);
    });
    it('has nothing to say further out or after expiry', () => {
      expect(dueThreshold(inDays(15), now)).to.equal(null);
      expect(dueThreshold(inDays(0), now)).to.equal(null);
      expect(dueThreshold(inDays(-2), now)).to.equal(null);
    });
  });

  describe('the scan', () => {
    it('fans out one job per member and threshold, however often it runs', async () => {
      const member = await memberExpiringIn(7);
      await scanPasswordExpiry();
      await scanPasswordExpiry();
      const jobs = await reminderJobsFor(member.id);
      expect(jobs).to.have.length(1);
      expect(jobs[0]?.data.threshold).to.equal(7);
      expect(jobs[0]?.id).to.not.include(':');
    });

    it('skips members whose password is far from expiry, and companies without expiry', async () => {
      const far = await memberExpiringIn(40);
      const company = await createCompany();
      const never = await createMember(company);
      await scanPasswordExpiry();
      expect(await reminderJobsFor(far.id)).to.have.length(0);
      expect(await reminderJobsFor(never.id)).to.have.length(0);
    });

    it('is registered as one daily scheduler however many workers start', async () => {
      await registerSchedules();
      await registerSchedules();
      const schedulers = await queueFor(
        'password-expiry-scan',
      ).getJobSchedulers();
      expect(
        schedulers.filter((s) => s.key === 'password-expiry-scan'),
      ).to.have.length(1);
    });
  });

  describe('the reminder job', () => {
    it('sends one email and one news item per threshold, even when run twice', async () => {
      const member = await memberExpiringIn(3);
      await scanPasswordExpiry();
      await scanPasswordExpiry();
      for (const job of await reminderJobsFor(member.id)) {
        await passwordExpiryReminder.handle(fakeJob(job.data), {} as never);
        await passwordExpiryReminder.handle(fakeJob(job.data), {} as never);
      }
      const emails = await EmailMessage.findAll({
        where: { memberId: member.id, template: 'password-expiry-reminder' },
      });
      expect(emails).to.have.length(1);
      expect(emails[0]?.data).to.include({ days: 3 });
      expect(
        await News.count({
          where: { memberId: member.id, kind: 'password-expiry' },
        }),
      ).to.equal(1);
    });

    it('sends nothing once the member has changed the password', async () => {
      const member = await memberExpiringIn(1);
      await Member.update(
        { passwordChangedAt: new Date() },
        { where: { id: member.id } },
      );
      await passwordExpiryReminder.handle(
        fakeJob({ memberId: member.id, threshold: 1 }),
        {} as never,
      );
      expect(
        await EmailMessage.count({ where: { memberId: member.id } }),
      ).to.equal(0);
    });
  });
});
