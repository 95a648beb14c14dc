/**
 * The audit vocabulary: what admins filter by and what exports name. Codes
 * are stored; labels are what people read.
 */
export const activityTypes = {
  personal_information_access: 'Personal information access',
  login: 'Login',
  permission_change: 'Permission change',
} as const;

export const auditEvents = {
  download: 'Download',
  create: 'Create',
  view: 'View',
  edit: 'Edit',
  delete: 'Delete',
} as const;

export const informationTypes = {
  authentication_token: 'Authentication token',
  personal: 'Personal',
  income: 'Income',
  hr: 'HR',
  attendance: 'Attendance',
  contract: 'Contract',
  social_insurance: 'Social insurance',
  year_end_tax: 'Year-end tax',
  other: 'Other',
  otp_setting_change: '2-step authentication setting change',
  otp_member_reset: '2-step authentication member reset',
  temporary_password_issuance: 'Temporary password issuance',
  ip_access_setting_change: 'Specific IP access permission setting change',
  admin_permission: 'Admin permission',
  login_setting_change: 'Login setting change',
} as const;

export type ActivityType = keyof typeof activityTypes;
export type AuditEventKind = keyof typeof auditEvents;
export type InformationType = keyof typeof informationTypes;

/** Typed keys of one of the label maps above. */
export function codesOf<T extends object>(labels: T): (keyof T & string)[] {
  return Object.keys(labels) as (keyof T & string)[];
}
