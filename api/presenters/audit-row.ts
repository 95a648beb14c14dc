import {
  activityTypes,
  auditEvents,
  informationTypes,
} from '../../core/audit/catalogue.js';
import type { AuditRow } from '../../core/audit/query.js';

/** An audit row as the viewer's table shows it. */
export function presentAuditRow(row: AuditRow) {
  return {
    time: row.local_time,
    actor: row.actor_name ?? '—',
    organization: row.organization_name ?? '',
    activity:
      activityTypes[row.activity_type as keyof typeof activityTypes] ??
      row.activity_type,
    event: auditEvents[row.event as keyof typeof auditEvents] ?? row.event,
    informationType:
      informationTypes[row.information_type as keyof typeof informationTypes] ??
      row.information_type,
    target: row.target_name ?? '',
    failed: row.outcome !== 'success',
    ip: row.ip ?? '',
    deviceId: row.device_id ?? '',
    userAgent: row.user_agent ?? '',
    details: Object.keys(row.details).length ? JSON.stringify(row.details) : '',
  };
}
