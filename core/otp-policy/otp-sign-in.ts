import { database } from '../../db/index.js';
import type { RequestContext } from '../audit/record.js';
import {
  revokeSession,
  rotateSession,
  type LiveSession,
} from '../auth/sessions.js';
import { attemptOtp } from './attempt.js';
import { auditSignInStep } from './audit-sign-in-step.js';
import { scheduleUnblock } from './unblock.js';
import { stageAfterOtp } from './stage-after-otp.js';

/** The outcome of the OTP step of sign-in, for the route to render. */
export type OtpStepResult =
  | { ok: true; token: string; recoveryCodesLeft: number | null }
  | { ok: false; blockedUntil: Date }
  | { ok: false; blockedUntil: null; failuresLeft: number };

/**
 * Runs the OTP step for a pending session. Success replaces the session
 * with a new id at its next stage. Reaching (or meeting) the block ends the
 * pending session; the first time, the unblock job is scheduled too.
 */
export async function passOtpStep(
  live: LiveSession,
  code: unknown,
  context: RequestContext,
  now = new Date(),
): Promise<OtpStepResult> {
  const { member } = live;
  const attempt = await attemptOtp(member.id, code, now);

  if (attempt.ok) {
    const left =
      attempt.method === 'recovery_code' ? attempt.recoveryCodesLeft : null;
    const { token } = await database().transaction(async (transaction) => {
      const rotated = await rotateSession(
        live,
        stageAfterOtp(member),
        context,
        transaction,
      );
      await auditSignInStep(
        member,
        context,
        'success',
        {
          otpMethod: attempt.method,
          ...(left === null ? {} : { recoveryCodesLeft: left }),
        },
        transaction,
      );
      return rotated;
    });
    return { ok: true, token, recoveryCodesLeft: left };
  }

  if (attempt.blockedUntil) {
    await database().transaction(async (transaction) => {
      await revokeSession(live.session.id, 'otp blocked', transaction);
      await auditSignInStep(
        member,
        context,
        'failure',
        {
          reason: attempt.justBlocked ? 'otp block reached' : 'otp blocked',
          blockedUntil: attempt.blockedUntil.toISOString(),
        },
        transaction,
      );
    });
    if (attempt.justBlocked)
      await scheduleUnblock(member.id, attempt.blockedUntil, now);
    return { ok: false, blockedUntil: attempt.blockedUntil };
  }

  await auditSignInStep(member, context, 'failure', {
    reason: 'wrong otp code',
    failuresLeft: attempt.failuresLeft,
  });
  return attempt;
}
