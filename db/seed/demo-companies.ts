import type { Company, Permission, Role } from '../models/index.js';
import {
  hanbitFoodsTree,
  northwindLogisticsTree,
  type UnitPlan,
} from './organization-trees.js';

/** A named person the demo needs: the super admin, the admins, a member. */
export interface KeyPerson {
  name: string;
  emailLocal: string;
  title: string;
  /** Name of the unit they belong to. */
  unit: string;
  role: Role;
  permissions: readonly Permission[];
}

/** Everything needed to seed one company. */
export interface CompanyPlan {
  name: string;
  slug: string;
  plan: Company['plan'];
  timeZone: string;
  emailDomain: string;
  tree: UnitPlan;
  /** Members in total, key people included. */
  memberCount: number;
  /** Share of generated members with a Korean name; the rest international. */
  koreanShare: number;
  /** The first two octets of the office network, e.g. '10.20'. */
  officeNetwork: string;
  keyPeople: readonly KeyPerson[];
}

/** The password every demo account shares; printed with the credentials. */
export const demoPassword = 'Gatehouse-demo-2026';

/** The company the credentials point at; its presence marks a seeded demo. */
export const hanbitFoods: CompanyPlan = {
  name: 'Hanbit Foods',
  slug: 'hanbit-foods',
  plan: 'core_hr',
  timeZone: 'Asia/Seoul',
  emailDomain: 'hanbitfoods.example',
  tree: hanbitFoodsTree,
  memberCount: 236,
  koreanShare: 0.82,
  officeNetwork: '10.20',
  keyPeople: [
    {
      name: '박서연',
      emailLocal: 'seoyeon.park',
      title: 'HR Director',
      unit: 'People & Culture Team',
      role: 'super_admin',
      permissions: [],
    },
    {
      name: '김도윤',
      emailLocal: 'doyun.kim',
      title: 'IT Security Manager',
      unit: 'IT Infrastructure Team',
      role: 'admin',
      permissions: ['otp_settings', 'allowed_ip_settings', 'login_settings'],
    },
    {
      name: '이하은',
      emailLocal: 'haeun.lee',
      title: 'HR Manager',
      unit: 'People & Culture Team',
      role: 'admin',
      permissions: ['audit_log_view'],
    },
    {
      name: 'Daniel Weber',
      emailLocal: 'daniel.weber',
      title: 'Compliance Officer',
      unit: 'Legal & Compliance Team',
      role: 'admin',
      permissions: ['audit_log_view', 'login_settings'],
    },
    {
      name: '최지훈',
      emailLocal: 'jihoon.choi',
      title: 'Network Engineer',
      unit: 'IT Infrastructure Team',
      role: 'admin',
      permissions: ['allowed_ip_settings'],
    },
    {
      name: '정민서',
      emailLocal: 'minseo.jung',
      title: 'Brand Marketer',
      unit: 'Brand Marketing Team',
      role: 'member',
      permissions: [],
    },
  ],
};

/** A second tenant on another plan, to show that companies stay apart. */
export const northwindLogistics: CompanyPlan = {
  name: 'Northwind Logistics',
  slug: 'northwind-logistics',
  plan: 'enterprise',
  timeZone: 'Europe/Berlin',
  emailDomain: 'northwind-logistics.example',
  tree: northwindLogisticsTree,
  memberCount: 64,
  koreanShare: 0.08,
  officeNetwork: '10.60',
  keyPeople: [
    {
      name: 'Katrin Hoffmann',
      emailLocal: 'katrin.hoffmann',
      title: 'Head of IT & Security',
      unit: 'IT & Security',
      role: 'super_admin',
      permissions: [],
    },
    {
      name: 'Jonas Becker',
      emailLocal: 'jonas.becker',
      title: 'People Operations Lead',
      unit: 'People Operations',
      role: 'admin',
      permissions: ['audit_log_view', 'otp_settings'],
    },
  ],
};

/** Share of the main company's event count that the second company gets. */
export const secondCompanyEventShare = 0.2;
