import type { Company } from '../models/index.js';
import type { CompanyPlan, KeyPerson } from './demo-companies.js';
import { scaleCompanyTree } from './organization-trees.js';

const plans: readonly Company['plan'][] = [
  'core_hr',
  'professional',
  'enterprise',
];
const timeZones = [
  'Asia/Seoul',
  'Europe/Berlin',
  'America/New_York',
  'Asia/Tokyo',
  'Europe/London',
];

const keyPeople: readonly KeyPerson[] = [
  {
    name: 'Alex Morgan',
    emailLocal: 'alex.morgan',
    title: 'HR Director',
    unit: 'People Team',
    role: 'super_admin',
    permissions: [],
  },
  {
    name: '윤서진',
    emailLocal: 'seojin.yoon',
    title: 'Security Manager',
    unit: 'Service Team',
    role: 'admin',
    permissions: ['otp_settings', 'allowed_ip_settings', 'login_settings'],
  },
  {
    name: 'Priya Sharma',
    emailLocal: 'priya.sharma',
    title: 'HR Partner',
    unit: 'People Team',
    role: 'admin',
    permissions: ['audit_log_view'],
  },
];

/** Members per benchmark company, key people included. */
export const scaleCompanyMembers = 25;

/**
 * The plan of the n-th benchmark company (counting from 0): plans and time
 * zones rotate so that the companies differ the way real tenants do.
 */
export function scaleCompanyPlan(prefix: string, index: number): CompanyPlan {
  const number = String(index + 1).padStart(4, '0');
  return {
    name: `Benchmark Company ${number}`,
    slug: `${prefix}-${number}`,
    plan: plans[index % plans.length] ?? 'core_hr',
    timeZone: timeZones[index % timeZones.length] ?? 'UTC',
    emailDomain: `${prefix}-${number}.example`,
    tree: scaleCompanyTree,
    memberCount: scaleCompanyMembers,
    koreanShare: 0.5,
    officeNetwork: `10.${100 + (index % 100)}`,
    keyPeople,
  };
}
