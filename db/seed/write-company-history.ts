import type { Transaction } from 'sequelize';
import { auditHistory } from './audit-history.js';
import { eventTimes } from './event-times.js';
import { companyRandom, type SeededCompany } from './seed-company.js';
import type { RecordAudit } from './types.js';
import { writeAuditHistory } from './write-audit-history.js';

/**
 * Writes a seeded company's planned audit history through the recorder.
 * The event times are drawn again from the same stream seedCompany used,
 * so the permission changes land where they were planned without keeping
 * every company's time line in memory in between.
 */
export async function writeCompanyHistory(
  seeded: SeededCompany,
  recordAudit: RecordAudit,
  transaction: Transaction | undefined,
  log?: (message: string) => void,
): Promise<number> {
  const { plan } = seeded;
  const times = eventTimes(
    seeded.slots,
    seeded.eventCount,
    companyRandom(plan, 'times'),
  );
  const events = auditHistory(
    seeded.cast,
    times,
    seeded.changes,
    companyRandom(plan, 'history'),
  );

  const step = Math.max(Math.ceil(times.length / 4), 1);
  let reported = 0;
  return writeAuditHistory(events, recordAudit, transaction, (written) => {
    if (!log || (written - reported < step && written < times.length)) return;
    reported = written;
    log(`${plan.name}: ${written} of ${times.length} audit events written`);
  });
}
