import type { Transaction } from 'sequelize';

/**
 * The audit event shape the seed writes. It mirrors the recorder's input in
 * core/audit without importing it, because db/ may not depend on core/; any
 * value of this type is also a valid input for the real recorder.
 */
export interface SeedAuditInput {
  companyId: string;
  actor: { id: string; name: string; organizationId: string | null } | null;
  activityType: 'login' | 'personal_information_access' | 'permission_change';
  event: 'download' | 'create' | 'view' | 'edit' | 'delete';
  informationType: SeedInformationType;
  target: { id: string; name: string } | null;
  outcome: 'success' | 'failure';
  context: {
    ip: string | null;
    deviceId: string | null;
    userAgent: string | null;
  };
  details: Record<string, unknown>;
  occurredAt: Date;
}

/** The information types the seed produces events for. */
export type SeedInformationType =
  'authentication_token' | 'admin_permission' | PersonalInformationType;

/** Sections of a member's profile whose access is audited. */
export type PersonalInformationType =
  | 'personal'
  | 'income'
  | 'hr'
  | 'attendance'
  | 'contract'
  | 'social_insurance'
  | 'year_end_tax';

/** Appends events to their companies' hash chains, in the order given. */
export type RecordAudit = (
  inputs: SeedAuditInput[],
  transaction?: Transaction,
) => Promise<void>;

/** What every seed receives from the caller, which may use core/. */
export interface SeedDependencies {
  /** Hashes a password the way sign-in will verify it. */
  hashPassword(password: string): Promise<string>;
  /** The audit recorder; the seed never writes audit_events itself. */
  recordAudit: RecordAudit;
  /** Progress lines for the person running the seed. */
  log(message: string): void;
  /** The end of the seeded history; default: the current time. */
  now?: Date;
}
