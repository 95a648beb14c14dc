import { jobOptions, type JobName } from '../core/queues/index.js';
import type { JobDefinition } from './job-definition.js';
import { auditExport } from './jobs/audit-export.js';
import { auditExportExpiry } from './jobs/audit-export-expiry.js';
import { auditPartitions } from './jobs/audit-partitions.js';
import { outboxSweep } from './jobs/outbox-sweep.js';
import { sendEmail } from './jobs/send-email.js';

/** Every job handler, one per job name. */
export const jobDefinitions: JobDefinition<JobName>[] = [
  sendEmail,
  auditExport,
  auditExportExpiry,
  auditPartitions,
  outboxSweep,
] as JobDefinition<JobName>[];

/** Fails start-up when a job has no handler or two. */
export function assertEveryJobHasOneHandler(): void {
  for (const name of Object.keys(jobOptions)) {
    const count = jobDefinitions.filter((definition) => definition.name === name).length;
    if (count !== 1) throw new Error(`job ${name} has ${count} handlers; it needs exactly one`);
  }
}
