import { liftExpiredBlock } from '../../core/otp-policy/unblock.js';
import type { JobDefinition } from '../job-definition.js';

/** Lifts a member's OTP block at its end and tells them; safe to repeat. */
export const otpUnblock: JobDefinition<'otp-unblock'> = {
  name: 'otp-unblock',
  async handle(job) {
    await liftExpiredBlock(job.data.memberId);
  },
};
