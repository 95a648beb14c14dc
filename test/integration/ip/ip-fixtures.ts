import { QueryTypes } from 'sequelize';
import { Company, database, type Member } from '../../../db/index.js';
import type { IpSettings } from '../../../core/ip-policy/ip-settings.js';
import { saveIpPolicy } from '../../../core/ip-policy/save-ip-policy.js';

/** Sets a company's allowed-IP rule as an admin would, through core. */
export async function setAllowlist(
  by: Member,
  settings: Partial<IpSettings>,
  entries: string[],
): Promise<void> {
  const company = await Company.findByPk(by.companyId);
  if (!company) throw new Error('company missing');
  const result = await saveIpPolicy(
    {
      id: by.id,
      name: by.name,
      organizationId: by.organizationId,
      companyId: by.companyId,
      role: by.role,
    },
    {
      settings: {
        enabled: true,
        scope: 'all',
        applyToSuperAdmin: false,
        ...settings,
      },
      rows: entries.map((entry) => ({ entry })),
      expectedVersion: company.settingsVersion,
      confirmSelfLockout: true,
    },
    { ip: '127.0.0.1', deviceId: null, userAgent: 'test' },
  );
  if (!result.ok)
    throw new Error(`could not set the allowlist: ${JSON.stringify(result)}`);
}

/** One audit event row, as tests read them. */
export interface AuditRow {
  activity_type: string;
  event: string;
  information_type: string;
  outcome: string;
  ip: string | null;
  details: Record<string, unknown>;
  target_member_id: string | null;
  actor_id: string | null;
}

/** A company's audit events of one information type, oldest first. */
export function auditEvents(
  companyId: string,
  informationType: string,
): Promise<AuditRow[]> {
  return database().query<AuditRow>(
    `SELECT activity_type, event, information_type, outcome, ip, details,
       target_member_id, actor_id
     FROM audit_events WHERE company_id = $1 AND information_type = $2
     ORDER BY chain_seq`,
    { bind: [companyId, informationType], type: QueryTypes.SELECT },
  );
}

/** The company's stored allowed IPs, in order. */
export async function storedEntries(companyId: string): Promise<string[]> {
  const rows = await database().query<{ entry: string }>(
    'SELECT entry FROM allowed_ips WHERE company_id = $1 ORDER BY position',
    { bind: [companyId], type: QueryTypes.SELECT },
  );
  return rows.map((row) => row.entry);
}
