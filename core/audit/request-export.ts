import {
  AuditExport,
  database,
  type Company,
  type Member,
} from '../../db/index.js';
import { AppError } from '../errors.js';
import { enqueue, jobId } from '../queues/index.js';
import type { AuditFilters } from './filters.js';

/** Exports one member may have pending or running at a time. */
export const maxExportsInFlight = 3;

/**
 * Records a request for the filtered audit log as a spreadsheet and queues
 * its build. The viewing window is pinned to this moment, so the file holds
 * what the admin saw when they asked.
 */
export async function requestAuditExport(
  requester: Member,
  company: Company,
  filters: AuditFilters,
): Promise<AuditExport> {
  const inFlight = await AuditExport.count({
    where: { requestedBy: requester.id, status: ['pending', 'running'] },
  });
  if (inFlight >= maxExportsInFlight) {
    throw new AppError(
      'tooManyRequests',
      `You have ${inFlight} exports in progress. Wait for one to finish before asking for another.`,
    );
  }
  const created = await database().transaction((transaction) =>
    AuditExport.create(
      {
        companyId: company.id,
        requestedBy: requester.id,
        filters: { ...filters, asOf: new Date().toISOString() },
      },
      { transaction },
    ),
  );
  await enqueue(
    'audit-export',
    { exportId: created.id },
    { jobId: jobId('audit-export', created.id) },
  );
  return created;
}
