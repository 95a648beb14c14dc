import type { Transaction } from 'sequelize';
import type { Member } from '../../db/index.js';
import { ownLoginEvent } from '../audit/own-login-event.js';
import { recordAudit, type RequestContext } from '../audit/record.js';

/**
 * Records one OTP step of a member's own sign-in as an authentication-token
 * event: success, failure or block. Details never hold the code.
 */
export function auditSignInStep(
  member: Member,
  context: RequestContext,
  outcome: 'success' | 'failure',
  details: Record<string, unknown>,
  transaction?: Transaction,
): Promise<void> {
  return recordAudit(
    ownLoginEvent(member, context, outcome, { step: 'otp', ...details }),
    transaction,
  );
}
