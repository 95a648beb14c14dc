import crypto from 'node:crypto';
import {
  AdminPermission,
  Company,
  Member,
  Organization,
  type Permission,
  type Role,
} from '../../db/index.js';
import { hashPassword } from '../../core/password/password-hash.js';

const unique = () => crypto.randomBytes(5).toString('hex');

/** The password every factory member gets unless told otherwise. */
export const defaultPassword = 'correct horse battery staple 42';

/** A company with unique name and slug. */
export async function createCompany(
  overrides: Partial<{
    plan: Company['plan'];
    timeZone: string;
    name: string;
  }> = {},
): Promise<Company> {
  const id = unique();
  return Company.create({
    name: overrides.name ?? `Company ${id}`,
    slug: `company-${id}`,
    emailDomain: `${id}.example.test`,
    plan: overrides.plan ?? 'core_hr',
    timeZone: overrides.timeZone ?? 'UTC',
  });
}

/** An organization unit, optionally under a parent. */
export async function createOrganization(
  company: Company,
  parent?: Organization,
  name = `Unit ${unique()}`,
): Promise<Organization> {
  return Organization.create({
    companyId: company.id,
    parentId: parent?.id ?? null,
    name,
  });
}

/** A member with a unique email, a known password and optional permissions. */
export async function createMember(
  company: Company,
  options: Partial<{
    role: Role;
    permissions: Permission[];
    password: string;
    organization: Organization;
    employmentStatus: Member['employmentStatus'];
    name: string;
  }> = {},
): Promise<Member> {
  const id = unique();
  const member = await Member.create({
    companyId: company.id,
    organizationId: options.organization?.id ?? null,
    name: options.name ?? `Member ${id}`,
    email: `member-${id}@${company.emailDomain}`,
    role: options.role ?? (options.permissions ? 'admin' : 'member'),
    employmentStatus: options.employmentStatus ?? 'active',
    passwordHash: await hashPassword(options.password ?? defaultPassword, 4),
    passwordChangedAt: new Date(),
  });
  for (const permission of options.permissions ?? []) {
    await AdminPermission.create({
      memberId: member.id,
      permission,
      companyId: company.id,
      grantedBy: null,
    });
  }
  return member;
}
