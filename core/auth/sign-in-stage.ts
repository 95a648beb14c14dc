import type { Company, Member, SessionStage } from '../../db/index.js';
import type { RequestContext } from '../audit/record.js';
import { otpStageFor } from '../otp-policy/sign-in-rule.js';

/** Why a stage was chosen, for the sign-in audit event's details. */
export interface StageDecision {
  stage: SessionStage;
  details: Record<string, unknown>;
}

/**
 * Decides what a member must still do after proving their password: change
 * it, pass 2-step authentication, or nothing. Each policy adds its rule here,
 * in the order the member meets them.
 */
export async function stageAfterPassword(
  member: Member,
  company: Company,
  context: RequestContext,
): Promise<StageDecision> {
  // OTP comes first; the OTP step leads on to a password change if needed.
  const otp = await otpStageFor(member, company, context);
  if ('stage' in otp) return otp;
  if (member.mustChangePassword) {
    return {
      stage: 'password_change',
      details: { passwordChangeRequired: true, ...otp.skipped },
    };
  }
  return { stage: 'active', details: { ...otp.skipped } };
}
