import { AuditExport, type Member } from '../../db/index.js';
import { AppError } from '../errors.js';
import { permissionsOf } from '../auth/permissions.js';
import { recordAudit, type RequestContext } from './record.js';

/**
 * Authorises a download and records it. Only the requester, signed in and
 * still holding Audit log view, may fetch the file, until it expires.
 * Another company's or another member's export answers 404.
 */
export async function authorizeExportDownload(
  member: Member,
  exportId: string,
  context: RequestContext,
  /** False for a HEAD request, which sends no file and is not a download. */
  record = true,
): Promise<AuditExport> {
  const found = await AuditExport.findOne({
    where: {
      id: exportId,
      companyId: member.companyId,
      requestedBy: member.id,
    },
  });
  if (!found) throw new AppError('notFound');
  if (!(await permissionsOf(member)).has('audit_log_view'))
    throw new AppError('forbidden');
  const expired =
    found.status === 'expired' ||
    (found.expiresAt && found.expiresAt <= new Date());
  if (expired)
    throw new AppError(
      'gone',
      'This export has expired. Request a new one from the audit log.',
    );
  if (found.status !== 'ready' || !found.filePath) {
    throw new AppError('notFound', 'This export is not ready yet.');
  }
  if (!record) return found;
  await recordAudit({
    companyId: member.companyId,
    actor: {
      id: member.id,
      name: member.name,
      organizationId: member.organizationId,
    },
    activityType: 'personal_information_access',
    event: 'download',
    informationType: 'other',
    context,
    details: {
      exportId: found.id,
      rowCount: found.rowCount,
      sha256: found.sha256,
    },
  });
  return found;
}
