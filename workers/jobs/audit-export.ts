import { buildAuditExport } from '../../core/audit/build-export.js';
import { isLastAttempt, type JobDefinition } from '../job-definition.js';

/** Builds a requested audit-log spreadsheet and announces it. */
export const auditExport: JobDefinition<'audit-export'> = {
  name: 'audit-export',
  concurrency: 1,
  handle: (job) => buildAuditExport(job.data.exportId, isLastAttempt(job)),
};
