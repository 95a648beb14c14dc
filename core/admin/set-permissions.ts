import {
  AdminPermission,
  database,
  Member,
  permissions,
  type Permission,
} from '../../db/index.js';
import { recordAudit, type RequestContext } from '../audit/record.js';
import { AppError } from '../errors.js';

/**
 * Sets exactly the given permissions on an admin of the actor's company,
 * recording one audit event per grant and per revocation in the same
 * transaction. Other companies' members answer 404.
 */
export async function setAdminPermissions(
  actor: Member,
  targetId: string,
  wanted: Permission[],
  context: RequestContext,
): Promise<{ granted: Permission[]; revoked: Permission[] }> {
  if (actor.role !== 'super_admin') throw new AppError('forbidden');
  return database().transaction(async (transaction) => {
    const target = await Member.findOne({
      where: { id: targetId, companyId: actor.companyId },
      transaction,
      lock: transaction.LOCK.UPDATE,
    });
    if (!target) throw new AppError('notFound');
    if (target.role === 'super_admin') {
      throw new AppError(
        'validation',
        'Super administrators hold every permission already.',
        {
          member: 'is a super administrator',
        },
      );
    }
    const current = await AdminPermission.findAll({
      where: { memberId: target.id },
      transaction,
    });
    const have = new Set(current.map((row) => row.permission));
    const want = new Set(wanted);
    const granted = permissions.filter((p) => want.has(p) && !have.has(p));
    const revoked = permissions.filter((p) => have.has(p) && !want.has(p));

    if (granted.length && target.role === 'member')
      await target.update({ role: 'admin' }, { transaction });
    for (const permission of granted) {
      await AdminPermission.create(
        {
          memberId: target.id,
          permission,
          companyId: actor.companyId,
          grantedBy: actor.id,
        },
        { transaction },
      );
    }
    if (revoked.length) {
      await AdminPermission.destroy({
        where: { memberId: target.id, permission: revoked },
        transaction,
      });
    }
    // An admin is an admin by their permissions; with none left they are a
    // member again, and appear in the "make a member an admin" list.
    const demoted = target.role === 'admin' && want.size === 0;
    if (demoted) await target.update({ role: 'member' }, { transaction });
    const base = {
      companyId: actor.companyId,
      actor: {
        id: actor.id,
        name: actor.name,
        organizationId: actor.organizationId,
      },
      activityType: 'permission_change' as const,
      informationType: 'admin_permission' as const,
      target: { id: target.id, name: target.name },
      context,
    };
    await recordAudit(
      [
        ...granted.map((permission) => ({
          ...base,
          event: 'create' as const,
          details: { permission, change: 'granted' },
        })),
        ...revoked.map((permission) => ({
          ...base,
          event: 'delete' as const,
          details: {
            permission,
            change: 'revoked',
            ...(demoted ? { role: 'member' } : {}),
          },
        })),
      ],
      transaction,
    );
    return { granted, revoked };
  });
}
