import { database, Member } from '../../db/index.js';
import { recordAudit, type RequestContext } from '../audit/record.js';
import { permissionsOf } from '../auth/permissions.js';
import { revokeMemberSessions } from '../auth/sessions.js';
import { AppError } from '../errors.js';
import { lockReleaseAudit, releaseLock } from './lock-release.js';

// Admins with Login settings (and super admins) act on their own company's
// members only; anyone else's id answers 404.
async function targetOf(actor: Member, memberId: string) {
  if (!(await permissionsOf(actor)).has('login_settings')) {
    throw new AppError('forbidden');
  }
  const target = await Member.findOne({
    where: { id: memberId, companyId: actor.companyId },
  });
  if (!target) throw new AppError('notFound');
  return target;
}

const actorOf = (actor: Member) => ({
  id: actor.id,
  name: actor.name,
  organizationId: actor.organizationId,
});

/** An admin releases a member's lock; audited. False if it was not locked. */
export async function unlockMember(
  actor: Member,
  memberId: string,
  context: RequestContext,
): Promise<boolean> {
  const target = await targetOf(actor, memberId);
  return database().transaction(async (transaction) => {
    const released = await releaseLock(target.id, transaction);
    if (released) {
      await recordAudit(
        lockReleaseAudit(target, actor, 'released by an admin', context),
        transaction,
      );
    }
    return released;
  });
}

/** An admin ends every session of a member at once; audited. */
export async function endMemberSessions(
  actor: Member,
  memberId: string,
  context: RequestContext,
): Promise<number> {
  const target = await targetOf(actor, memberId);
  return database().transaction(async (transaction) => {
    const ended = await revokeMemberSessions(
      target.id,
      'ended by an admin',
      transaction,
    );
    await recordAudit(
      {
        companyId: actor.companyId,
        actor: actorOf(actor),
        activityType: 'login',
        event: 'delete',
        informationType: 'authentication_token',
        target: { id: target.id, name: target.name },
        context,
        details: { change: 'sessions ended by an admin', sessionsEnded: ended },
      },
      transaction,
    );
    return ended;
  });
}
