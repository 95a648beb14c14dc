import { database } from '../index.js';
import { Company } from '../models/index.js';
import { allocate } from './allocate.js';
import { demoPassword } from './demo-companies.js';
import { ensureAuditPartitions } from './ensure-audit-partitions.js';
import { scaleCompanyPlan } from './scale-companies.js';
import { seedCompany, type SeededCompany } from './seed-company.js';
import type { SeedDependencies } from './types.js';
import { hourSlots, type HourSlot } from './working-hours.js';
import { writeCompanyHistory } from './write-company-history.js';

/** How much to seed for a benchmark. */
export interface ScaleSeedDependencies extends SeedDependencies {
  companies: number;
  /** Audit events in total, split evenly over the companies. */
  events: number;
  /** Length of the history in days, ending now. */
  days: number;
  /** Companies written at once; default 8, keep it below the pool size. */
  concurrency?: number;
  /** Start of every company slug; default 'scale'. */
  slugPrefix?: string;
}

/** What was seeded and how fast the events went in. */
export interface ScaleSeedResult {
  companyIds: string[];
  events: number;
  /** Time spent writing audit events, companies and members excluded. */
  eventMs: number;
  eventsPerSecond: number;
}

const dayMs = 86_400_000;

async function createCompanies(
  deps: ScaleSeedDependencies,
  prefix: string,
  historyStart: Date,
  now: Date,
): Promise<SeededCompany[]> {
  const passwordHash = await deps.hashPassword(demoPassword);
  const counts = allocate(Array(deps.companies).fill(1), deps.events);
  const slotsByZone = new Map<string, HourSlot[]>();

  return database().transaction(async (transaction) => {
    const seeded: SeededCompany[] = [];
    for (let index = 0; index < deps.companies; index += 1) {
      const plan = scaleCompanyPlan(prefix, index);
      let slots = slotsByZone.get(plan.timeZone);
      if (!slots) {
        slots = hourSlots(historyStart, now, plan.timeZone);
        slotsByZone.set(plan.timeZone, slots);
      }
      seeded.push(
        await seedCompany(plan, {
          passwordHash,
          eventCount: counts[index] ?? 0,
          historyStart,
          now,
          slots,
          transaction,
        }),
      );
    }
    return seeded;
  });
}

/**
 * Fills many companies with audit history for benchmarks: companies with
 * small organization trees and 25 members each, then `events` events over
 * `days` days. Companies are written in parallel, each through recordAudit
 * in batches of its own transactions, so every chain stays valid and in
 * time order. Refuses to run when the first company of the prefix exists.
 */
export async function seedScaleEvents(
  deps: ScaleSeedDependencies,
): Promise<ScaleSeedResult> {
  const prefix = deps.slugPrefix ?? 'scale';
  const first = scaleCompanyPlan(prefix, 0);
  if (await Company.findOne({ where: { slug: first.slug } })) {
    throw new Error(
      `Company ${first.slug} exists already: seed benchmarks into a fresh ` +
        'database or choose another slugPrefix.',
    );
  }

  const now = deps.now ?? new Date();
  const historyStart = new Date(now.getTime() - deps.days * dayMs);
  await ensureAuditPartitions(historyStart, now);
  const seeded = await createCompanies(deps, prefix, historyStart, now);
  deps.log(`Created ${seeded.length} companies; writing ${deps.events} events`);

  const started = performance.now();
  let next = 0;
  let done = 0;
  let written = 0;
  const step = Math.max(Math.ceil(seeded.length / 10), 1);
  const worker = async () => {
    while (next < seeded.length) {
      const company = seeded[next] as SeededCompany;
      next += 1;
      // Awaited on its own line: `written += await …` would read `written`
      // before the other workers' additions and lose them.
      const count = await writeCompanyHistory(
        company,
        deps.recordAudit,
        undefined,
      );
      written += count;
      done += 1;
      if (done % step === 0) deps.log(`${written} audit events written`);
    }
  };
  await Promise.all(
    Array.from({ length: Math.max(deps.concurrency ?? 8, 1) }, worker),
  );

  const eventMs = performance.now() - started;
  return {
    companyIds: seeded.map((company) => company.companyId),
    events: written,
    eventMs,
    eventsPerSecond: Math.round(written / (eventMs / 1000)),
  };
}
