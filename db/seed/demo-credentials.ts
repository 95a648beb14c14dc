import type { Transaction } from 'sequelize';
import {
  AdminPermission,
  Company,
  Member,
  type Permission,
} from '../models/index.js';
import {
  demoPassword,
  hanbitFoods,
  northwindLogistics,
  type CompanyPlan,
} from './demo-companies.js';

/** What to print after seeding so someone can sign in and look around. */
export interface DemoCredentials {
  /** False when the demo existed already and nothing was written. */
  created: boolean;
  company: { name: string; slug: string; plan: string };
  /** Where to start; hints for the printout, the routes live in api/. */
  paths: { signIn: string; auditLog: string; adminPermissions: string };
  superAdmin: { email: string; password: string };
  admins: { name: string; email: string; permissions: Permission[] }[];
  member: { email: string; password: string };
  /** The other tenants, to show that one company cannot see another. */
  otherCompanies: { name: string; plan: string; superAdminEmail: string }[];
}

async function superAdminEmail(companyId: string, transaction?: Transaction) {
  const superAdmin = await Member.findOne({
    where: { companyId, role: 'super_admin' },
    order: [['email', 'ASC']],
    transaction,
  });
  return superAdmin?.email ?? '(none)';
}

async function adminsOf(companyId: string, transaction?: Transaction) {
  const admins = await Member.findAll({
    where: { companyId, role: 'admin' },
    order: [['email', 'ASC']],
    transaction,
  });
  const grants = await AdminPermission.findAll({
    where: { companyId },
    transaction,
  });
  return admins.map((admin) => ({
    name: admin.name,
    email: admin.email,
    permissions: grants
      .filter((grant) => grant.memberId === admin.id)
      .map((grant) => grant.permission)
      .sort(),
  }));
}

function demoMemberEmail(plan: CompanyPlan): string {
  const member = plan.keyPeople.find((person) => person.role === 'member');
  if (!member) throw new Error(`${plan.name} plan has no demo member`);
  return `${member.emailLocal}@${plan.emailDomain}`;
}

/**
 * Reads the demo's sign-in details from the database, or returns null when
 * the demo company does not exist. Every account shares the demo password.
 */
export async function readDemoCredentials(
  transaction?: Transaction,
): Promise<DemoCredentials | null> {
  const company = await Company.findOne({
    where: { slug: hanbitFoods.slug },
    transaction,
  });
  if (!company) return null;

  const others = await Company.findAll({
    where: { slug: northwindLogistics.slug },
    transaction,
  });
  return {
    created: false,
    company: { name: company.name, slug: company.slug, plan: company.plan },
    paths: {
      signIn: '/sign-in',
      auditLog: '/audit-log',
      adminPermissions: '/settings/admin-permissions',
    },
    superAdmin: {
      email: await superAdminEmail(company.id, transaction),
      password: demoPassword,
    },
    admins: await adminsOf(company.id, transaction),
    member: { email: demoMemberEmail(hanbitFoods), password: demoPassword },
    otherCompanies: await Promise.all(
      others.map(async (other) => ({
        name: other.name,
        plan: other.plan,
        superAdminEmail: await superAdminEmail(other.id, transaction),
      })),
    ),
  };
}
