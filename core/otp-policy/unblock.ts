import { database, Member } from '../../db/index.js';
import { notify } from '../notify.js';
import { enqueue, jobId, removeJob } from '../queues/index.js';
import { clearExpiredBlock } from './block.js';

/** The one delayed unblock job a member can have. */
export function unblockJobId(memberId: string): string {
  return jobId('otp-unblock', memberId);
}

/**
 * Schedules the job that lifts a block at its end and tells the member.
 * Call after the block is committed. The block ends on time without it.
 */
export async function scheduleUnblock(
  memberId: string,
  blockedUntil: Date,
  now = new Date(),
): Promise<void> {
  // A finished job of an earlier block would keep the id taken.
  await removeJob('otp-unblock', unblockJobId(memberId));
  await enqueue(
    'otp-unblock',
    { memberId },
    {
      jobId: unblockJobId(memberId),
      delay: Math.max(blockedUntil.getTime() - now.getTime(), 0),
    },
  );
}

/** Removes a member's pending unblock job, after an admin's reset. */
export function cancelUnblock(memberId: string): Promise<void> {
  return removeJob('otp-unblock', unblockJobId(memberId));
}

/**
 * What the unblock job does: clears a block whose time is over and tells
 * the member, once. A block still running, or already cleared by a reset or
 * an earlier run, is left alone, so a retried or late job changes nothing.
 */
export async function liftExpiredBlock(
  memberId: string,
  now = new Date(),
): Promise<boolean> {
  const send = await database().transaction(async (transaction) => {
    const ended = await clearExpiredBlock(memberId, now, transaction);
    if (!ended) return null;
    const member = await Member.findByPk(memberId, { transaction });
    if (!member) return null;
    return notify(
      {
        companyId: member.companyId,
        memberId: member.id,
        recipient: member.email,
        kind: 'otp_unblocked',
        title: '2-step authentication is open again',
        body: 'The 24-hour block on your 2-step authentication has ended. You can sign in again.',
        link: '/help/otp',
        email: {
          template: 'otp-unblocked',
          data: { name: member.name },
        },
        dedupeKey: `otp-unblocked-${member.id}-${ended.toISOString()}`,
      },
      transaction,
    );
  });
  if (!send) return false;
  await send();
  return true;
}
