import fs from 'node:fs/promises';
import nodePath from 'node:path';
import { AuditExport, Company, database, Member } from '../../db/index.js';
import { config } from '../config/index.js';
import { writeXlsx } from '../export/xlsx-stream-writer.js';
import { logger } from '../logger.js';
import { notify } from '../notify.js';
import { activityTypes, auditEvents, informationTypes } from './catalogue.js';
import { exportCells, exportColumns } from './export-columns.js';
import { auditFiltersSchema, type AuditFilters } from './filters.js';
import { countAuditRows, streamAuditRows, type AuditRow } from './query.js';
import { auditScopeFor, windowDaysFor } from './scope.js';

/** Where an export's file lives: one folder per company. */
export function exportFilePath(exportRow: AuditExport): string {
  return nodePath.join(
    config.exportDir,
    exportRow.companyId,
    `${exportRow.id}.xlsx`,
  );
}

/** A moment as YYYY-MM-DD HH:MM:SS in the company's time zone. */
function localTime(moment: Date, timeZone: string): string {
  return moment.toLocaleString('sv-SE', { timeZone, hour12: false });
}

async function* cells(rows: AsyncIterable<AuditRow>) {
  for await (const row of rows) yield exportCells(row);
}

function describeFilters(filters: AuditFilters): string {
  const parts: string[] = [];
  const names = (codes: string[], labels: Record<string, string>) =>
    codes.map((code) => labels[code] ?? code).join(', ');
  if (filters.activityType.length)
    parts.push(`activity: ${names(filters.activityType, activityTypes)}`);
  if (filters.event.length)
    parts.push(`event: ${names(filters.event, auditEvents)}`);
  if (filters.informationType.length)
    parts.push(
      `information type: ${names(filters.informationType, informationTypes)}`,
    );
  if (filters.member.length) parts.push(`${filters.member.length} member(s)`);
  if (filters.organization.length)
    parts.push(`${filters.organization.length} organization(s) with sub-units`);
  if (filters.deviceId) parts.push(`device ${filters.deviceId}`);
  if (filters.from) parts.push(`from ${filters.from}`);
  if (filters.to) parts.push(`to ${filters.to} inclusive`);
  return parts.join('; ') || 'none';
}

async function announce(
  exportRow: AuditExport,
  requester: Member,
  ok: boolean,
) {
  const path = `/audit-log/exports/${exportRow.id}/download`;
  const sendLater = await database().transaction((transaction) =>
    notify(
      {
        companyId: exportRow.companyId,
        memberId: requester.id,
        recipient: requester.email,
        kind: ok ? 'audit-export-ready' : 'audit-export-failed',
        title: ok
          ? 'Your audit log export is ready'
          : 'Your audit log export failed',
        body: ok
          ? `${exportRow.rowCount} events. The link works until ${exportRow.expiresAt?.toISOString().slice(0, 10)}.`
          : 'Nothing was exported. Try again, or ask us if it keeps failing.',
        link: ok ? path : '/audit-log',
        email: {
          template: ok ? 'audit-export-ready' : 'audit-export-failed',
          data: {
            name: requester.name,
            link: `${config.publicUrl}${path}`,
            rowCount: exportRow.rowCount,
            expiresOn: exportRow.expiresAt?.toISOString().slice(0, 10),
          },
        },
        dedupeKey: `audit-export-${exportRow.id}`,
      },
      transaction,
    ),
  );
  await sendLater();
}

/**
 * Builds one export: pending → running → ready, or failed on the last
 * attempt. Idempotent: a ready export is only announced again (which the
 * dedupe key turns into nothing), and a rebuild replaces the same file.
 */
export async function buildAuditExport(
  exportId: string,
  lastAttempt: boolean,
  /** Data rows per sheet; default the writer's maximum. Tests lower it. */
  options: { maxRowsPerSheet?: number } = {},
): Promise<void> {
  const exportRow = await AuditExport.findByPk(exportId);
  if (
    !exportRow ||
    exportRow.status === 'failed' ||
    exportRow.status === 'expired'
  )
    return;
  const [company, requester] = await Promise.all([
    Company.findByPk(exportRow.companyId),
    Member.findByPk(exportRow.requestedBy),
  ]);
  if (!company || !requester) return;
  if (exportRow.status === 'ready') return announce(exportRow, requester, true);

  await exportRow.update({ status: 'running', startedAt: new Date() });
  const filePath = exportFilePath(exportRow);
  try {
    const { asOf, ...stored } = exportRow.filters as AuditFilters & {
      asOf: string;
    };
    const filters = auditFiltersSchema.parse(stored);
    const scope = auditScopeFor(company, new Date(asOf));
    const expected = await countAuditRows(scope, filters);
    await fs.mkdir(nodePath.dirname(filePath), {
      recursive: true,
      mode: 0o700,
    });
    const written = await writeXlsx({
      filePath,
      columns: exportColumns(company.timeZone),
      rows: cells(streamAuditRows(scope, filters)),
      sheetName: 'Events',
      maxRowsPerSheet: options.maxRowsPerSheet,
      aboutSheet: {
        title: 'Audit log export',
        lines: [
          ['Company', company.name],
          ['Requested by', `${requester.name} <${requester.email}>`],
          [
            `Requested at (${company.timeZone})`,
            localTime(exportRow.createdAt, company.timeZone),
          ],
          [
            'Viewing window',
            `the last ${windowDaysFor(company)} days up to ${localTime(new Date(asOf), company.timeZone)} (${company.timeZone})`,
          ],
          ['Filters', describeFilters(filters)],
          ['Rows', expected],
        ],
      },
    });
    await exportRow.update({
      status: 'ready',
      rowCount: written.rowCount,
      fileBytes: String(written.bytes),
      sha256: written.sha256,
      filePath,
      finishedAt: new Date(),
      expiresAt: new Date(Date.now() + config.exportTtlDays * 86_400_000),
    });
  } catch (error) {
    logger.error({ err: error, exportId }, 'audit export failed');
    if (!lastAttempt) {
      await exportRow.update({ status: 'pending' });
      throw error;
    }
    await exportRow.update({
      status: 'failed',
      error: 'The export could not be built.',
      finishedAt: new Date(),
    });
    await fs.rm(filePath, { force: true });
    return announce(exportRow, requester, false);
  }
  await announce(exportRow, requester, true);
}
