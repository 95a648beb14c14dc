import { jobOptions, type JobName } from '../core/queues/index.js';
import type { JobDefinition } from './job-definition.js';
import { auditExport } from './jobs/audit-export.js';
import { auditExportExpiry } from './jobs/audit-export-expiry.js';
import { auditPartitions } from './jobs/audit-partitions.js';
import { auditRetention } from './jobs/audit-retention.js';
import { otpUnblock } from './jobs/otp-unblock.js';
import { outboxSweep } from './jobs/outbox-sweep.js';
import { lockoutExpiry } from './jobs/lockout-expiry.js';
import { passwordExpiryReminder } from './jobs/password-expiry-reminder.js';
import { passwordExpiryScan } from './jobs/password-expiry-scan.js';
import { tempPasswordExpiry } from './jobs/temp-password-expiry.js';
import { sendEmail } from './jobs/send-email.js';

/** Every job handler, one per job name. */
export const jobDefinitions: JobDefinition<JobName>[] = [
  sendEmail,
  auditExport,
  auditExportExpiry,
  auditPartitions,
  auditRetention,
  outboxSweep,
  lockoutExpiry,
  tempPasswordExpiry,
  passwordExpiryScan,
  passwordExpiryReminder,
  otpUnblock,
] as JobDefinition<JobName>[];

/** Fails start-up when a job has no handler or two. */
export function assertEveryJobHasOneHandler(): void {
  for (const name of Object.keys(jobOptions)) {
    const count = jobDefinitions.filter(
      (definition) => definition.name === name,
    ).length;
    if (count !== 1)
      throw new Error(
        `job ${name} has ${count} handlers; it needs exactly one`,
      );
  }
}
