import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import nodePath from 'node:path';
import { recordAudit, type RequestContext } from '../audit/record.js';
import { config } from '../config/index.js';
import { writeCsv } from '../export/csv-stream-writer.js';
import type { ExportColumn } from '../export/export-column.js';
import { writeXlsx } from '../export/xlsx-stream-writer.js';
import { assertSectionVisible } from './access.js';
import { memberSectionRows } from './member-rows.js';
import { sectionDefinition, type ProfileSection } from './sections.js';
import { actorOf, type ProfileViewer } from './view-section.js';

/** A built download: the temporary file, the name to offer, the row count. */
export interface MemberListDownload {
  filePath: string;
  fileName: string;
  rowCount: number;
}

function columnsOf(section: ProfileSection): ExportColumn[] {
  return [
    { header: 'Name', key: 'name', width: 24 },
    { header: 'Email', key: 'email', width: 30 },
    ...sectionDefinition(section).fields.map((field) => ({
      header: field.label,
      key: field.key,
      width: 20,
    })),
  ];
}

/**
 * Writes the company's member list with one section's columns as CSV or
 * XLSX and records the download (personal information access, download,
 * that information type). The caller sends the file and then removes it.
 */
export async function downloadMemberSection(
  viewer: ProfileViewer,
  section: ProfileSection,
  format: 'csv' | 'xlsx',
  context: RequestContext,
): Promise<MemberListDownload> {
  assertSectionVisible(viewer.member, viewer.permissions, section);
  const companyId = viewer.member.companyId;
  // Short-lived: the route removes the file once it is sent.
  const folder = nodePath.join(config.exportDir, 'member-lists');
  await fs.mkdir(folder, { recursive: true, mode: 0o700 });
  const filePath = nodePath.join(folder, `${crypto.randomUUID()}.${format}`);
  const columns = columnsOf(section);
  const rows = memberSectionRows(companyId, section);
  const written =
    format === 'csv'
      ? await writeCsv({ filePath, columns, rows })
      : await writeXlsx({ filePath, columns, rows, sheetName: 'Members' });
  try {
    await recordAudit({
      companyId,
      actor: actorOf(viewer.member),
      activityType: 'personal_information_access',
      event: 'download',
      informationType: section,
      context,
      details: { format, rowCount: written.rowCount, list: 'members' },
    });
  } catch (error) {
    // Without its audit event the file must not leave the server.
    await fs.rm(filePath, { force: true });
    throw error;
  }
  const day = new Date().toISOString().slice(0, 10);
  return {
    filePath,
    fileName: `members-${section}-${day}.${format}`,
    rowCount: written.rowCount,
  };
}
