import { Member, database } from '../../db/index.js';
import { ownLoginEvent } from '../audit/own-login-event.js';
import { recordAudit, type RequestContext } from '../audit/record.js';
import { recordSignInFailure } from './lockout.js';
import { rotateSession, type LiveSession } from '../auth/sessions.js';
import { AppError } from '../errors.js';
import { verifyPassword } from '../password/password-hash.js';
import { setMemberPassword } from './set-password.js';

// The member row with its hash, locked for the rest of the transaction.
async function lockedMember(
  id: string,
  transaction: Parameters<typeof setMemberPassword>[1],
) {
  const member = await Member.scope('withSecrets').findByPk(id, {
    transaction,
    lock: transaction.LOCK.UPDATE,
  });
  if (!member) throw new AppError('unauthenticated');
  return member;
}

/**
 * Completes the password_change sign-in stage: sets the new password and
 * makes the session fully signed in under a new token, which it returns.
 * The password change is the last sign-in step (sign-in-stage.ts and the
 * OTP step lead to it only once everything else is done).
 */
export async function completeForcedChange(
  live: LiveSession,
  password: string,
  context: RequestContext,
): Promise<string> {
  return database().transaction(async (transaction) => {
    const member = await lockedMember(live.member.id, transaction);
    await setMemberPassword(
      {
        member,
        company: live.company,
        password,
        via: 'forced change',
        context,
        keepSessionId: live.session.id,
      },
      transaction,
    );
    const rotated = await rotateSession(
      { ...live, member },
      'active',
      context,
      transaction,
    );
    return rotated.token;
  });
}

/**
 * A signed-in member changes their password, proving the current one;
 * their other sessions end.
 */
export async function changeOwnPassword(
  live: LiveSession,
  current: string,
  password: string,
  context: RequestContext,
): Promise<void> {
  const wrong = await database().transaction(async (transaction) => {
    const member = await lockedMember(live.member.id, transaction);
    const hash = member.passwordHash;
    if (!hash || !(await verifyPassword(current, hash))) return member;
    await setMemberPassword(
      {
        member,
        company: live.company,
        password,
        via: 'change',
        context,
        keepSessionId: live.session.id,
      },
      transaction,
    );
    return null;
  });
  if (!wrong) return;
  // A wrong current password is a failed sign-in: it counts toward the
  // lockout and is audited, so a borrowed session cannot guess freely.
  const outcome = await database().transaction(async (transaction) => {
    const counted = await recordSignInFailure(wrong, transaction);
    await recordAudit(
      ownLoginEvent(wrong, context, 'failure', {
        reason: 'wrong current password',
        via: 'password change',
        failedSignIns: counted.failedCount,
      }),
      transaction,
    );
    return counted;
  });
  await outcome.afterCommit();
  throw new AppError('validation', undefined, {
    current: 'The current password is not right.',
  });
}
