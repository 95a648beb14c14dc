import { QueryTypes, type Transaction } from 'sequelize';
import { Company, database, type Member } from '../../db/index.js';
import { recordAudit } from '../audit/record.js';
import { readLoginSettings } from '../auth/login-settings.js';
import { revokeMemberSessions } from '../auth/sessions.js';
import { config } from '../config/index.js';
import { notify } from '../notify.js';
import { enqueue, jobId } from '../queues/index.js';

/** What one failed sign-in did to the account. */
export interface FailureOutcome {
  failedCount: number;
  locked: boolean;
  /** True only for the failure that locked the account. */
  lockedNow: boolean;
}

interface LockRow {
  failed_sign_in_count: number;
  locked_at: Date | null;
  lock_expires_at: Date | null;
}

/**
 * Tells whether an account is locked at `now`. A lock whose automatic
 * release time has passed is over, whether or not its job has run.
 */
export function isLocked(
  member: Pick<Member, 'lockedAt' | 'lockExpiresAt'>,
  now = new Date(),
): boolean {
  if (!member.lockedAt) return false;
  return !member.lockExpiresAt || member.lockExpiresAt > now;
}

/** The delayed job id of one lock, so a lock has at most one release job. */
export function lockoutJobId(memberId: string, lockedAt: Date): string {
  return jobId('lockout-expiry', memberId, String(lockedAt.getTime()));
}

/**
 * Counts one failed sign-in. The member row is locked for the rest of the
 * transaction, so parallel failures are counted one after another and
 * exactly one of them reaches the threshold and locks the account.
 */
export async function recordSignInFailure(
  member: Member,
  transaction: Transaction,
  now = new Date(),
): Promise<FailureOutcome & { afterCommit: () => Promise<void> }> {
  const company = await Company.findByPk(member.companyId, { transaction });
  const settings = readLoginSettings(company?.loginSettings);
  const [row] = await database().query<LockRow>(
    `SELECT failed_sign_in_count, locked_at, lock_expires_at FROM members
     WHERE id = $1 FOR UPDATE`,
    { bind: [member.id], transaction, type: QueryTypes.SELECT },
  );
  if (!row) throw new Error('member vanished during sign-in');

  // A lock that ran out starts a fresh count.
  const expired = row.lock_expires_at !== null && row.lock_expires_at <= now;
  const wasLocked = row.locked_at !== null && !expired;
  const failedCount = (expired ? 0 : row.failed_sign_in_count) + 1;
  const threshold = settings.lockoutThreshold;
  const lockedNow = !wasLocked && threshold > 0 && failedCount >= threshold;
  const releaseMinutes = settings.lockoutReleaseMinutes;
  const lockExpiresAt =
    lockedNow && releaseMinutes > 0
      ? new Date(now.getTime() + releaseMinutes * 60_000)
      : null;

  await database().query(
    `UPDATE members SET failed_sign_in_count = $2,
       locked_at = $3, lock_expires_at = $4, updated_at = now()
     WHERE id = $1`,
    {
      bind: [
        member.id,
        failedCount,
        lockedNow ? now : wasLocked ? row.locked_at : null,
        lockedNow ? lockExpiresAt : wasLocked ? row.lock_expires_at : null,
      ],
      transaction,
    },
  );
  if (!lockedNow) {
    return {
      failedCount,
      locked: wasLocked,
      lockedNow,
      afterCommit: async () => undefined,
    };
  }
  const send = await lockAccount(member, now, failedCount, transaction);
  return {
    failedCount,
    locked: true,
    lockedNow,
    afterCommit: async () => {
      await send();
      if (lockExpiresAt) {
        await enqueue(
          'lockout-expiry',
          { memberId: member.id },
          {
            jobId: lockoutJobId(member.id, now),
            delay: lockExpiresAt.getTime() - Date.now(),
          },
        );
      }
    },
  };
}

// Ends the member's sessions, tells them and records the lock.
async function lockAccount(
  member: Member,
  now: Date,
  failedCount: number,
  transaction: Transaction,
): Promise<() => Promise<void>> {
  await revokeMemberSessions(member.id, 'account locked', transaction);
  await recordAudit(
    {
      companyId: member.companyId,
      actor: null,
      activityType: 'login',
      event: 'edit',
      informationType: 'authentication_token',
      target: { id: member.id, name: member.name },
      context: { ip: null, deviceId: null, userAgent: null },
      details: { change: 'account locked', failedSignIns: failedCount },
    },
    transaction,
  );
  return notify(
    {
      companyId: member.companyId,
      memberId: member.id,
      recipient: member.email,
      kind: 'account-locked',
      title: 'Your account is locked',
      body: 'Too many failed sign-ins. Reset your password to unlock it.',
      link: '/password/forgot',
      email: {
        template: 'account-locked',
        data: {
          name: member.name,
          link: `${config.publicUrl}/password/forgot`,
        },
      },
      dedupeKey: `account-locked-${member.id}-${now.getTime()}`,
    },
    transaction,
  );
}
