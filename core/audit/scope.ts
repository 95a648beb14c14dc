import type { Company } from '../../db/index.js';
import { config } from '../config/index.js';
import type { AuditScope } from './query.js';

/** The viewing window of a company's plan, in days. */
export function windowDaysFor(company: Company): number {
  return (
    config.planWindowDays[company.plan] ?? config.planWindowDays.core_hr ?? 7
  );
}

/** The scope every audit read of this company is bound by. */
export function auditScopeFor(company: Company, asOf?: Date): AuditScope {
  return {
    companyId: company.id,
    timeZone: company.timeZone,
    windowDays: windowDaysFor(company),
    asOf,
  };
}
