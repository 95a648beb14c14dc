import { QueryTypes } from 'sequelize';
import { database } from '../../db/index.js';
import { config } from '../config/index.js';
import { logger } from '../logger.js';

const dayMs = 86_400_000;
const monthlyName = /^audit_events_y\d{4}m\d{2}$/;

/** A monthly partition and the end of its range (exclusive). */
export interface AuditPartition {
  name: string;
  upperBound: Date;
}

/**
 * The oldest moment still kept: now minus the longest plan window and the
 * grace period. A partition is dropped only when all of it is older.
 */
export function retentionCutoff(now: Date): Date {
  const longest = Math.max(...Object.values(config.planWindowDays));
  return new Date(
    now.getTime() - (longest + config.auditRetentionGraceDays) * dayMs,
  );
}

/** The monthly partitions of audit_events with their upper bounds. */
export async function listAuditPartitions(): Promise<AuditPartition[]> {
  // The bound's text carries the session's offset, so casting it back to
  // timestamptz gives the exact instant whatever zone created it.
  const rows = await database().query<{ name: string; upper: Date | null }>(
    `SELECT c.relname AS name,
       (regexp_match(pg_get_expr(c.relpartbound, c.oid), 'TO \\(''([^'']+)''\\)'))[1]::timestamptz AS upper
     FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = 'audit_events'::regclass
     ORDER BY upper`,
    { type: QueryTypes.SELECT },
  );
  return rows
    .filter((row) => monthlyName.test(row.name) && row.upper)
    .map((row) => ({ name: row.name, upperBound: row.upper as Date }));
}

// Records, per company, the last event the partition holds, so the chain
// verifier knows where the kept chain must start.
async function markAndDrop(name: string): Promise<void> {
  await database().transaction(async (transaction) => {
    await database().query(
      `INSERT INTO audit_retention_marks (company_id, through_seq, through_hash, partition_name)
       SELECT DISTINCT ON (company_id) company_id, chain_seq, hash, $1
       FROM "${name}" ORDER BY company_id, chain_seq DESC
       ON CONFLICT (company_id) DO UPDATE SET
         through_seq = EXCLUDED.through_seq, through_hash = EXCLUDED.through_hash,
         partition_name = EXCLUDED.partition_name, marked_at = now()
       WHERE audit_retention_marks.through_seq < EXCLUDED.through_seq`,
      { bind: [name], transaction },
    );
    await database().query(
      `ALTER TABLE audit_events DETACH PARTITION "${name}"`,
      { transaction },
    );
    await database().query(`DROP TABLE "${name}"`, { transaction });
  });
}

/**
 * Drops every monthly partition whose whole range is older than the
 * retention cutoff, oldest first, and never the default partition or any
 * partition that may hold a younger event. Returns the dropped names.
 */
export async function dropExpiredAuditPartitions(
  now = new Date(),
): Promise<string[]> {
  const cutoff = retentionCutoff(now);
  const expired = (await listAuditPartitions()).filter(
    (p) => p.upperBound.getTime() <= cutoff.getTime(),
  );
  for (const partition of expired) {
    await markAndDrop(partition.name);
    logger.info(
      { partition: partition.name, cutoff },
      'audit partition dropped by retention',
    );
  }
  return expired.map((partition) => partition.name);
}
