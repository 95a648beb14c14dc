import { Router } from 'express';
import { Op } from 'sequelize';
import { z } from 'zod';
import { AdminPermission, Member, permissions } from '../../db/index.js';
import { setAdminPermissions } from '../../core/admin/set-permissions.js';
import { permissionLabels } from '../../core/auth/permissions.js';
import { AppError } from '../../core/errors.js';
import {
  authOf,
  requireMember,
  requireSuperAdmin,
} from '../middleware/require.js';
import { parseInput } from '../middleware/validate.js';
import { isUuid } from '../../core/ids.js';

const updateSchema = z.object({
  permission: z
    .union([z.enum(permissions), z.array(z.enum(permissions))])
    .optional()
    .transform((value) => (value === undefined ? [] : [value].flat())),
});

/** Super admins grant and revoke admin permissions. */
export const adminPermissionsRouter = Router();
adminPermissionsRouter.use(
  '/settings/admin-permissions',
  requireMember,
  requireSuperAdmin,
);

adminPermissionsRouter.get('/settings/admin-permissions', async (req, res) => {
  const { company } = authOf(req);
  const admins = await Member.findAll({
    where: {
      companyId: company.id,
      role: { [Op.in]: ['admin', 'super_admin'] },
    },
    order: [
      ['role', 'DESC'],
      ['name', 'ASC'],
    ],
  });
  const grants = await AdminPermission.findAll({
    where: { companyId: company.id },
  });
  const members = await Member.findAll({
    where: {
      companyId: company.id,
      role: 'member',
      employmentStatus: 'active',
    },
    attributes: ['id', 'name', 'email'],
    order: [['name', 'ASC']],
    limit: 2000,
  });
  res.render('admin-permissions', {
    title: 'Admin permissions',
    saved: req.query.saved === '1',
    admins: admins.map((admin) => ({
      id: admin.id,
      name: admin.name,
      email: admin.email,
      superAdmin: admin.role === 'super_admin',
      permissions: permissions.map((permission) => ({
        value: permission,
        label: permissionLabels[permission],
        granted:
          admin.role === 'super_admin' ||
          grants.some(
            (g) => g.memberId === admin.id && g.permission === permission,
          ),
      })),
    })),
    members: members.map((m) => ({
      id: m.id,
      label: `${m.name} (${m.email})`,
    })),
    permissionOptions: permissions.map((value) => ({
      value,
      label: permissionLabels[value],
    })),
  });
});

adminPermissionsRouter.post(
  '/settings/admin-permissions/:memberId',
  async (req, res) => {
    const memberId = String(req.params.memberId);
    if (!isUuid(memberId)) throw new AppError('notFound');
    const { permission } = parseInput(updateSchema, req.body);
    await setAdminPermissions(
      authOf(req).member,
      memberId,
      permission,
      req.context,
    );
    res.redirect(303, '/settings/admin-permissions?saved=1');
  },
);
