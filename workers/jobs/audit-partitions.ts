import { database } from '../../db/index.js';
import type { JobDefinition } from '../job-definition.js';

/**
 * Creates the audit log's partitions for this month and the next three, so
 * no event ever lands in the default partition.
 */
export const auditPartitions: JobDefinition<'audit-partitions'> = {
  name: 'audit-partitions',
  async handle() {
    await database().query(
      `SELECT audit_ensure_partition((now() + make_interval(months => m))::date)
       FROM generate_series(0, 3) AS m`,
    );
  },
};
