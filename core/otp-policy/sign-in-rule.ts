import type { Company, Member } from '../../db/index.js';
import type { RequestContext } from '../audit/record.js';
import type { StageDecision } from '../auth/sign-in-stage.js';
import { otpExclusionFor } from './excluded-ips.js';
import { readOtpSettings } from './settings.js';

/**
 * The OTP rule of sign-in: with the company switch on, a member is sent to
 * enrolment or to the OTP step, unless they sign in from an OTP-excluded
 * IP. Returns null when OTP asks nothing, with why in `skipped`.
 */
export async function otpStageFor(
  member: Member,
  company: Company,
  context: RequestContext,
): Promise<StageDecision | { skipped: Record<string, unknown> }> {
  if (!readOtpSettings(company.otpSettings).enabled) {
    return { skipped: {} };
  }
  const excludedBy = await otpExclusionFor(company.id, context.ip);
  if (excludedBy) {
    return {
      skipped: { otpSkipped: true, otpSkipReason: 'excluded IP', excludedBy },
    };
  }
  return member.otpEnrolledAt
    ? { stage: 'otp_pending', details: { otpRequired: true } }
    : { stage: 'otp_enrolment', details: { otpEnrolmentRequired: true } };
}
