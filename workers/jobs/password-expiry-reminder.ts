import { sendExpiryReminder } from '../../core/login/expiry-reminders.js';
import type { JobDefinition } from '../job-definition.js';

/** Emails one password expiry reminder, at most once per threshold. */
export const passwordExpiryReminder: JobDefinition<'password-expiry-reminder'> =
  {
    name: 'password-expiry-reminder',
    concurrency: 4,
    async handle(job) {
      await sendExpiryReminder(job.data.memberId, job.data.threshold);
    },
  };
