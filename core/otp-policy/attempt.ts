import { QueryTypes } from 'sequelize';
import { database, Member } from '../../db/index.js';
import { normalizeRecoveryCode } from '../otp/recovery-codes.js';
import { verifyTotpCode } from '../otp/totp.js';
import { activeBlock, recordOtpFailure } from './block.js';
import { openOtpSecret } from './keyring.js';
import { spendRecoveryCode } from './recovery.js';

/** The answer to one OTP attempt by an enrolled member. */
export type OtpAttempt =
  | { ok: true; method: 'totp' }
  | { ok: true; method: 'recovery_code'; recoveryCodesLeft: number }
  | { ok: false; blockedUntil: Date; justBlocked: boolean }
  | { ok: false; blockedUntil: null; failuresLeft: number };

/**
 * Checks what a member typed at the OTP step: a 6-digit code or one of their
 * recovery codes. A blocked member is refused before anything is checked, so
 * even a right code answers "blocked". Anything else that does not succeed
 * (wrong, malformed, replayed, or lost a race) counts as one failure.
 */
export async function attemptOtp(
  memberId: string,
  input: unknown,
  now = new Date(),
): Promise<OtpAttempt> {
  const blockedUntil = await activeBlock(memberId, now);
  if (blockedUntil) return { ok: false, blockedUntil, justBlocked: false };

  const success =
    normalizeRecoveryCode(input) === undefined
      ? await acceptTotp(memberId, input, now)
      : await acceptRecoveryCode(memberId, input, now);
  if (success) return success;

  const failure = await recordOtpFailure(memberId, now);
  if (failure.blocked) {
    const { blockedUntil: until, justBlocked } = failure;
    return { ok: false, blockedUntil: until, justBlocked };
  }
  return { ok: false, blockedUntil: null, failuresLeft: failure.failuresLeft };
}

async function acceptTotp(
  memberId: string,
  code: unknown,
  now: Date,
): Promise<OtpAttempt | null> {
  const member = await Member.scope('withSecrets').findByPk(memberId);
  if (!member?.otpSecretEncrypted || !member.otpEnrolledAt) return null;
  const secret = openOtpSecret(member.id, member.otpSecretEncrypted);
  const last = member.otpLastTimeStep;
  const result = await verifyTotpCode(secret, code, {
    epochSeconds: Math.floor(now.getTime() / 1000),
    afterTimeStep: last === null ? undefined : Number(last),
  });
  if (!result.valid) return null;

  // Compare-and-set: only the first request to store this step wins, so a
  // second one racing with the same code, or a later replay, fails here.
  const won = await database().query(
    `UPDATE members SET otp_last_time_step = $2, otp_failure_count = 0,
       otp_failure_window_start = NULL, otp_failure_times = '{}'
     WHERE id = $1
       AND (otp_last_time_step IS NULL OR otp_last_time_step < $2)
       AND (otp_blocked_until IS NULL OR otp_blocked_until <= $3)
     RETURNING id`,
    {
      bind: [memberId, result.timeStep, now],
      type: QueryTypes.SELECT,
    },
  );
  return won.length === 1 ? { ok: true, method: 'totp' } : null;
}

async function acceptRecoveryCode(
  memberId: string,
  input: unknown,
  now: Date,
): Promise<OtpAttempt | null> {
  try {
    return await database().transaction(async (transaction) => {
      const spent = await spendRecoveryCode(memberId, input, transaction);
      if (!spent) return null;
      const reset = await database().query(
        `UPDATE members SET otp_failure_count = 0,
           otp_failure_window_start = NULL, otp_failure_times = '{}'
         WHERE id = $1
           AND (otp_blocked_until IS NULL OR otp_blocked_until <= $2)
         RETURNING id`,
        { bind: [memberId, now], type: QueryTypes.SELECT, transaction },
      );
      // Blocked in the meantime: keep the code unspent and fail.
      if (reset.length === 0) throw new BlockedMeanwhile();
      return {
        ok: true,
        method: 'recovery_code',
        recoveryCodesLeft: spent.remaining,
      } as const;
    });
  } catch (error) {
    if (error instanceof BlockedMeanwhile) return null;
    throw error;
  }
}

class BlockedMeanwhile extends Error {}
