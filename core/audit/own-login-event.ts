import type { Member } from '../../db/index.js';
import type { AuditActor, AuditInput, RequestContext } from './record.js';

/** A member as the actor of an audit event, as they are now. */
export function actorOf(member: Member): AuditActor {
  return {
    id: member.id,
    name: member.name,
    organizationId: member.organizationId,
  };
}

/**
 * A step of a member's own sign-in (password, OTP, Google) as an
 * authentication-token event: the member acts on their own account.
 */
export function ownLoginEvent(
  member: Member,
  context: RequestContext,
  outcome: 'success' | 'failure',
  details: Record<string, unknown>,
): AuditInput {
  return {
    companyId: member.companyId,
    actor: actorOf(member),
    activityType: 'login',
    event: 'create',
    informationType: 'authentication_token',
    target: { id: member.id, name: member.name },
    outcome,
    context,
    details,
  };
}
