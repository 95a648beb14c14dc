import { database } from '../index.js';
import {
  readDemoCredentials,
  type DemoCredentials,
} from './demo-credentials.js';
import {
  demoPassword,
  hanbitFoods,
  northwindLogistics,
  secondCompanyEventShare,
} from './demo-companies.js';
import { ensureAuditPartitions } from './ensure-audit-partitions.js';
import { seedCompany } from './seed-company.js';
import type { SeedDependencies } from './types.js';
import { writeCompanyHistory } from './write-company-history.js';

export type { DemoCredentials } from './demo-credentials.js';

/** Options of the demo seed on top of what every seed receives. */
export interface DemoSeedDependencies extends SeedDependencies {
  /**
   * Audit events of the main company; default 30,000. The second company
   * gets a fifth as many.
   */
  auditEventCount?: number;
}

const historyDays = 30;
const dayMs = 86_400_000;
// Any constant: two seeds started together must not both create the demo.
const seedLockKey = 7_142_002;

/**
 * Seeds a believable demo: Hanbit Foods (Core HR, Seoul) and Northwind
 * Logistics (Enterprise, Berlin) with organization trees, members, admins
 * and 30 days of audit history. Everything is written in one transaction,
 * so the demo exists completely or not at all; when it exists already,
 * nothing is written and its credentials are returned.
 */
export async function seedDemo(
  deps: DemoSeedDependencies,
): Promise<DemoCredentials> {
  const existing = await readDemoCredentials();
  if (existing) {
    deps.log('The demo companies exist already; nothing was written.');
    return existing;
  }

  const now = deps.now ?? new Date();
  const historyStart = new Date(now.getTime() - historyDays * dayMs);
  const mainEvents = deps.auditEventCount ?? 30_000;
  const companies = [
    [hanbitFoods, mainEvents],
    [northwindLogistics, Math.round(mainEvents * secondCompanyEventShare)],
  ] as const;

  // One hash for everyone: bcrypt at production cost per member would take
  // minutes, and every demo account shares the printed password anyway.
  const passwordHash = await deps.hashPassword(demoPassword);
  // Created outside the seeding transaction: creating a partition locks
  // the whole audit table until commit.
  await ensureAuditPartitions(historyStart, now);

  const credentials = await database().transaction(async (transaction) => {
    await database().query('SELECT pg_advisory_xact_lock($1)', {
      bind: [seedLockKey],
      transaction,
    });
    const raced = await readDemoCredentials(transaction);
    if (raced) return raced;

    for (const [plan, eventCount] of companies) {
      deps.log(`Seeding ${plan.name} (${plan.plan}, ${plan.timeZone})`);
      const seeded = await seedCompany(plan, {
        passwordHash,
        eventCount,
        historyStart,
        now,
        transaction,
      });
      deps.log(`${plan.name}: ${seeded.cast.everyone.length} members`);
      await writeCompanyHistory(
        seeded,
        deps.recordAudit,
        transaction,
        deps.log,
      );
    }
    const written = await readDemoCredentials(transaction);
    if (!written) throw new Error('the demo company vanished while seeding');
    return { ...written, created: true };
  });
  return credentials;
}

export {
  seedScaleEvents,
  type ScaleSeedDependencies,
  type ScaleSeedResult,
} from './seed-scale-events.js';
