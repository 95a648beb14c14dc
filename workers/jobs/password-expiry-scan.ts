import { scanPasswordExpiry } from '../../core/login/expiry-reminders.js';
import type { JobDefinition } from '../job-definition.js';

/** Daily: fans out one reminder job per member and threshold due. */
export const passwordExpiryScan: JobDefinition<'password-expiry-scan'> = {
  name: 'password-expiry-scan',
  async handle() {
    await scanPasswordExpiry();
  },
};
