import type { Transaction } from 'sequelize';
import { database } from '../index.js';

/**
 * Creates the monthly audit partitions covering [start, end] before events
 * are written there. A row that landed in the default partition would stop
 * that month's partition from ever being created.
 */
export async function ensureAuditPartitions(
  start: Date,
  end: Date,
  transaction?: Transaction,
): Promise<void> {
  await database().query(
    `SELECT audit_ensure_partition(month::date)
     FROM generate_series(
       date_trunc('month', $1::timestamptz),
       date_trunc('month', $2::timestamptz),
       interval '1 month') AS month`,
    { bind: [start, end], transaction },
  );
}
