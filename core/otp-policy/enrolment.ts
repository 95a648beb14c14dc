import { QueryTypes } from 'sequelize';
import { database, Member, type Company } from '../../db/index.js';
import type { RequestContext } from '../audit/record.js';
import type { LiveSession } from '../auth/sessions.js';
import { rotateSession } from '../auth/sessions.js';
import {
  buildTotpUri,
  generateTotpSecret,
  verifyTotpCode,
} from '../otp/totp.js';
import { auditSignInStep } from './audit-sign-in-step.js';
import { openOtpSecret, sealOtpSecret } from './keyring.js';
import { issueRecoveryCodes } from './recovery.js';
import { stageAfterOtp } from './stage-after-otp.js';

/** What the enrolment page shows: the secret as a URI and as text. */
export interface EnrolmentOffer {
  secret: string;
  uri: string;
}

/**
 * The secret a not-yet-enrolled member is asked to add to their app. The
 * same secret is offered until enrolment completes, so reloading the page
 * does not invalidate what the member already scanned.
 */
export async function offerEnrolment(
  memberId: string,
  company: Company,
): Promise<EnrolmentOffer> {
  const member = await Member.scope('withSecrets').findByPk(memberId);
  if (!member) throw new Error('member vanished during enrolment');
  let secret: string;
  if (member.otpSecretEncrypted && !member.otpEnrolledAt) {
    secret = openOtpSecret(member.id, member.otpSecretEncrypted);
  } else {
    secret = generateTotpSecret();
    await Member.update(
      {
        otpSecretEncrypted: sealOtpSecret(member.id, secret),
        otpEnrolledAt: null,
        otpLastTimeStep: null,
      },
      { where: { id: member.id } },
    );
  }
  const uri = buildTotpUri({
    issuer: `Gatehouse ${company.name}`,
    accountName: member.email,
    secret,
  });
  return { secret, uri };
}

/** The result of confirming enrolment with a first code. */
export type EnrolmentResult =
  | { ok: true; token: string; recoveryCodes: string[]; nextStage: string }
  | { ok: false };

/**
 * Completes enrolment when the code matches the offered secret: marks the
 * member enrolled, stores the code's time step (so it cannot be used again
 * at sign-in), issues recovery codes and replaces the session.
 */
export async function confirmEnrolment(
  live: LiveSession,
  code: unknown,
  context: RequestContext,
  now = new Date(),
): Promise<EnrolmentResult> {
  const member = await Member.scope('withSecrets').findByPk(live.member.id);
  const box = member?.otpSecretEncrypted;
  if (!member || !box || member.otpEnrolledAt) return { ok: false };
  const result = await verifyTotpCode(openOtpSecret(member.id, box), code, {
    epochSeconds: Math.floor(now.getTime() / 1000),
  });
  if (!result.valid) return { ok: false };

  return database().transaction(async (transaction) => {
    // Only the request that enrols first wins; a second one sees it done.
    const won = await database().query(
      `UPDATE members SET otp_enrolled_at = $3, otp_last_time_step = $4,
         otp_failure_count = 0, otp_failure_window_start = NULL,
         otp_failure_times = '{}'
       WHERE id = $1 AND otp_secret_encrypted = $2 AND otp_enrolled_at IS NULL
       RETURNING id`,
      {
        bind: [member.id, box, now, result.timeStep],
        type: QueryTypes.SELECT,
        transaction,
      },
    );
    if (won.length === 0) return { ok: false } as const;
    const recoveryCodes = await issueRecoveryCodes(member, transaction);
    const nextStage = stageAfterOtp(member);
    const { token } = await rotateSession(
      live,
      nextStage,
      context,
      transaction,
    );
    await auditSignInStep(
      member,
      context,
      'success',
      { otpEnrolled: true, recoveryCodesIssued: recoveryCodes.length },
      transaction,
    );
    return { ok: true, token, recoveryCodes, nextStage } as const;
  });
}
