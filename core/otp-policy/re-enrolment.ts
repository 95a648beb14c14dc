import { database, Member } from '../../db/index.js';
import type { RequestContext } from '../audit/record.js';
import { rotateSession, type LiveSession } from '../auth/sessions.js';
import { verifyPassword } from '../password/password-hash.js';
import { attemptOtp } from './attempt.js';
import { auditSignInStep } from './audit-sign-in-step.js';
import { deleteRecoveryCodes } from './recovery.js';
import { scheduleUnblock } from './unblock.js';

/** Why a re-enrolment was refused, by the field to show it on. */
export type ReEnrolmentResult =
  | { ok: true; token: string }
  | { ok: false; field: 'password' | 'code'; blockedUntil?: Date };

/**
 * Lets a signed-in member replace their authenticator: with their password
 * and a current code (or recovery code), the old secret and recovery codes
 * are dropped and the session moves to the enrolment step under a new id.
 * A wrong code counts toward the 24-hour block like at sign-in.
 */
export async function startReEnrolment(
  live: LiveSession,
  password: string,
  code: string,
  context: RequestContext,
  now = new Date(),
): Promise<ReEnrolmentResult> {
  const member = await Member.scope('withSecrets').findByPk(live.member.id);
  if (!member?.passwordHash) return { ok: false, field: 'password' };
  if (!(await verifyPassword(password, member.passwordHash))) {
    return { ok: false, field: 'password' };
  }
  if (member.otpEnrolledAt) {
    const attempt = await attemptOtp(member.id, code, now);
    if (!attempt.ok) {
      if (attempt.blockedUntil && attempt.justBlocked) {
        await scheduleUnblock(member.id, attempt.blockedUntil, now);
      }
      return {
        ok: false,
        field: 'code',
        ...(attempt.blockedUntil ? { blockedUntil: attempt.blockedUntil } : {}),
      };
    }
  }

  const { token } = await database().transaction(async (transaction) => {
    await Member.update(
      { otpSecretEncrypted: null, otpEnrolledAt: null, otpLastTimeStep: null },
      { where: { id: member.id }, transaction },
    );
    await deleteRecoveryCodes(member.id, transaction);
    await auditSignInStep(
      member,
      context,
      'success',
      { otpReEnrolmentStarted: true },
      transaction,
    );
    return rotateSession(live, 'otp_enrolment', context, transaction);
  });
  return { ok: true, token };
}
