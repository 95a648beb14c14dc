import { QueryTypes, type Transaction } from 'sequelize';
import { database, type Member } from '../../db/index.js';
import type { RequestContext } from '../audit/record.js';

/** Clears the failure count after a successful sign-in. */
export async function clearSignInFailures(member: Member): Promise<void> {
  if (member.failedSignInCount === 0 && !member.lockedAt) return;
  await database().query(
    `UPDATE members SET failed_sign_in_count = 0, locked_at = NULL,
       lock_expires_at = NULL, updated_at = now()
     WHERE id = $1 AND (locked_at IS NULL OR lock_expires_at <= now())`,
    { bind: [member.id] },
  );
}

/**
 * Releases a lock (password reset, admin, or its expiry). Returns whether
 * there was a lock to release; the caller records why.
 */
export async function releaseLock(
  memberId: string,
  transaction: Transaction,
): Promise<boolean> {
  const released = await database().query<{ id: string }>(
    `UPDATE members SET failed_sign_in_count = 0, locked_at = NULL,
       lock_expires_at = NULL, updated_at = now()
     WHERE id = $1 AND locked_at IS NOT NULL RETURNING id`,
    { bind: [memberId], transaction, type: QueryTypes.SELECT },
  );
  await database().query(
    'UPDATE members SET failed_sign_in_count = 0 WHERE id = $1',
    { bind: [memberId], transaction },
  );
  return released.length > 0;
}

/** Audit input for a lock released by `actor` (null: by its timer). */
export function lockReleaseAudit(
  member: Member,
  actor: Member | null,
  reason: string,
  context: RequestContext,
) {
  return {
    companyId: member.companyId,
    actor: actor
      ? { id: actor.id, name: actor.name, organizationId: actor.organizationId }
      : null,
    activityType: 'login' as const,
    event: 'edit' as const,
    informationType: 'authentication_token' as const,
    target: { id: member.id, name: member.name },
    context,
    details: { change: 'account unlocked', reason },
  };
}
