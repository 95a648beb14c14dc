import { database, Member } from '../../db/index.js';
import { recordAudit } from '../../core/audit/record.js';
import {
  lockReleaseAudit,
  releaseLock,
} from '../../core/login/lock-release.js';
import { notify } from '../../core/notify.js';
import type { JobDefinition } from '../job-definition.js';

const noRequest = { ip: null, deviceId: null, userAgent: null };

/**
 * Releases a lock whose automatic release time has come, then tells the
 * member. Sign-in already treats such a lock as over; this tidies the row.
 * A lock released earlier, or a newer lock, is left alone.
 */
export const lockoutExpiry: JobDefinition<'lockout-expiry'> = {
  name: 'lockout-expiry',
  async handle(job) {
    const send = await database().transaction(async (transaction) => {
      const member = await Member.findByPk(job.data.memberId, {
        transaction,
        lock: transaction.LOCK.UPDATE,
      });
      const due =
        member?.lockedAt &&
        member.lockExpiresAt &&
        member.lockExpiresAt <= new Date();
      if (!member || !due) return undefined;
      const lockedAt = member.lockedAt?.getTime();
      await releaseLock(member.id, transaction);
      await recordAudit(
        lockReleaseAudit(member, null, 'automatic release', noRequest),
        transaction,
      );
      return notify(
        {
          companyId: member.companyId,
          memberId: member.id,
          recipient: member.email,
          kind: 'account-unlocked',
          title: 'Your account is unlocked',
          body: 'You can sign in again.',
          link: '/sign-in',
          email: { template: 'account-unlocked', data: { name: member.name } },
          dedupeKey: `account-unlocked-${member.id}-${lockedAt}`,
        },
        transaction,
      );
    });
    await send?.();
  },
};
