import { dropExpiredAuditPartitions } from '../../core/audit/retention.js';
import type { JobDefinition } from '../job-definition.js';

/**
 * Drops the audit log's monthly partitions that lie wholly before the
 * longest plan window plus the grace period. Safe to run twice: a dropped
 * partition is simply no longer listed.
 */
export const auditRetention: JobDefinition<'audit-retention'> = {
  name: 'audit-retention',
  async handle() {
    await dropExpiredAuditPartitions();
  },
};
