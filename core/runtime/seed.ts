import { Company } from '../../db/index.js';
import {
  readDemoCredentials,
  type DemoCredentials,
} from '../../db/seed/demo-credentials.js';
import { seedDemo } from '../../db/seed/seed-demo.js';
import {
  seedScaleEvents,
  type ScaleSeedResult,
} from '../../db/seed/seed-scale-events.js';
import { recordAudit } from '../audit/record.js';
import { config } from '../config/index.js';
import { logger } from '../logger.js';
import { hashPassword } from '../password/password-hash.js';

const dependencies = () => ({
  hashPassword: (password: string) => hashPassword(password, config.bcryptCost),
  recordAudit,
  log: (message: string) => logger.info({ source: 'seed' }, message),
});

/** Seeds the demo companies, wiring in the real hashing and audit recording. */
export function runDemoSeed(
  auditEventCount?: number,
): Promise<DemoCredentials> {
  return seedDemo({ ...dependencies(), auditEventCount });
}

/** Fills many companies with audit events, for the audit-query benchmark. */
export function runScaleSeed(
  events: number,
  companies = 200,
  days = 90,
): Promise<ScaleSeedResult> {
  return seedScaleEvents({ ...dependencies(), events, companies, days });
}

/**
 * Seeds the demo only when the database holds no company at all, so a
 * production database never receives demo tenants; otherwise returns the
 * demo's sign-in details if the demo is there.
 */
export async function seedIfEmpty(): Promise<DemoCredentials | null> {
  if ((await Company.count()) > 0) return readDemoCredentials();
  return runDemoSeed();
}
