import type { ExportColumn } from '../export/export-column.js';
import { activityTypes, auditEvents, informationTypes } from './catalogue.js';
import type { AuditRow } from './query.js';

/** The export's columns; the time header names the company's zone. */
export function exportColumns(timeZone: string): ExportColumn[] {
  return [
    { header: `Time (${timeZone})`, key: 'time', width: 20 },
    { header: 'User', key: 'actor', width: 24 },
    { header: 'Organization', key: 'organization', width: 22 },
    { header: 'Activity type', key: 'activity', width: 26 },
    { header: 'Event', key: 'event', width: 10 },
    { header: 'Information type', key: 'informationType', width: 30 },
    { header: 'Target member', key: 'target', width: 24 },
    { header: 'Outcome', key: 'outcome', width: 10 },
    { header: 'IP address', key: 'ip', width: 18 },
    { header: 'Device ID', key: 'deviceId', width: 26 },
    { header: 'User agent', key: 'userAgent', width: 40 },
    { header: 'Details', key: 'details', width: 40 },
  ];
}

const label = (labels: Record<string, string>, code: string) =>
  labels[code] ?? code;

/** One audit row as the export's cells. */
export function exportCells(row: AuditRow): Record<string, unknown> {
  return {
    time: row.local_time,
    actor: row.actor_name ?? '',
    organization: row.organization_name ?? '',
    activity: label(activityTypes, row.activity_type),
    event: label(auditEvents, row.event),
    informationType: label(informationTypes, row.information_type),
    target: row.target_name ?? '',
    outcome: row.outcome,
    ip: row.ip ?? '',
    deviceId: row.device_id ?? '',
    userAgent: row.user_agent ?? '',
    details: Object.keys(row.details).length ? JSON.stringify(row.details) : '',
  };
}
