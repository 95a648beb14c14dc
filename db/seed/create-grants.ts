import type { Transaction } from 'sequelize';
import { AdminPermission } from '../models/index.js';
import type { PermissionChange } from './permission-plan.js';
import type { SeedPerson } from './seed-person.js';

/**
 * Writes each admin's current permissions, granted by the super admin at
 * the time of the audited grant (or at the start of the history when the
 * history was too short to hold it).
 */
export async function createGrants(
  companyId: string,
  admins: readonly SeedPerson[],
  superAdmin: SeedPerson,
  changes: readonly PermissionChange[],
  historyStart: Date,
  transaction: Transaction,
): Promise<void> {
  const grantedAt = new Map<string, Date>();
  for (const change of changes) {
    if (change.event === 'create') {
      grantedAt.set(`${change.admin.id}/${change.permission}`, change.at.at);
    }
  }

  const rows = admins.flatMap((admin) =>
    admin.permissions.map((permission) => ({
      memberId: admin.id,
      permission,
      companyId,
      grantedBy: superAdmin.id,
      grantedAt: grantedAt.get(`${admin.id}/${permission}`) ?? historyStart,
    })),
  );
  await AdminPermission.bulkCreate(rows, { transaction });
}
