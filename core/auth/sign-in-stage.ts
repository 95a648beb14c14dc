import type { Company, Member, SessionStage } from '../../db/index.js';
import type { RequestContext } from '../audit/record.js';

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
  _company: Company,
  _context: RequestContext,
): Promise<StageDecision> {
  if (member.mustChangePassword) {
    return {
      stage: 'password_change',
      details: { passwordChangeRequired: true },
    };
  }
  return { stage: 'active', details: {} };
}
