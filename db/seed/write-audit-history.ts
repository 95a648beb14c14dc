import type { Transaction } from 'sequelize';
import type { RecordAudit, SeedAuditInput } from './types.js';

/** Events per recordAudit call: large enough to be fast, small for memory. */
export const auditBatchSize = 5000;

/**
 * Feeds a time-ordered stream of events to the recorder in batches, in
 * order, so each company's hash chain follows time. Returns the count.
 */
export async function writeAuditHistory(
  events: Iterable<SeedAuditInput>,
  recordAudit: RecordAudit,
  transaction: Transaction | undefined,
  onBatch?: (written: number) => void,
): Promise<number> {
  let batch: SeedAuditInput[] = [];
  let written = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await recordAudit(batch, transaction);
    written += batch.length;
    batch = [];
    onBatch?.(written);
  };

  for (const event of events) {
    batch.push(event);
    if (batch.length >= auditBatchSize) await flush();
  }
  await flush();
  return written;
}
