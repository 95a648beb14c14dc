import {
  AdminPermission,
  permissions,
  type Member,
  type Permission,
} from '../../db/index.js';

/** Labels of the grantable permissions, in the order the page lists them. */
export const permissionLabels: Record<Permission, string> = {
  otp_settings: 'OTP settings',
  allowed_ip_settings: 'Allowed IP settings',
  login_settings: 'Login settings',
  audit_log_view: 'Audit log view',
};

/**
 * What a member may do: super admins hold every permission, admins what was
 * granted to them, members nothing.
 */
export async function permissionsOf(member: Member): Promise<Set<Permission>> {
  if (member.role === 'super_admin') return new Set(permissions);
  if (member.role !== 'admin') return new Set();
  const rows = await AdminPermission.findAll({
    where: { memberId: member.id, companyId: member.companyId },
  });
  return new Set(rows.map((row) => row.permission));
}
