import type { Transaction } from 'sequelize';
import { Company } from '../models/index.js';
import { createGrants } from './create-grants.js';
import { createMembers } from './create-members.js';
import { createOrganizations } from './create-organizations.js';
import type { CompanyPlan } from './demo-companies.js';
import { eventTimes } from './event-times.js';
import { castOf, type HistoryCast } from './history-cast.js';
import {
  planPermissionChanges,
  type PermissionChange,
} from './permission-plan.js';
import { planMembers } from './plan-members.js';
import { createRandom, type Random } from './random.js';
import { hourSlots, type HourSlot } from './working-hours.js';

/** What seeding one company needs besides its plan. */
export interface CompanySeedInput {
  passwordHash: string;
  /** Audit events the company's history will hold. */
  eventCount: number;
  historyStart: Date;
  now: Date;
  /** Hour slots of the history; pass them to share one computation. */
  slots?: readonly HourSlot[];
  transaction: Transaction;
}

/** A company whose rows exist and whose audit history is planned. */
export interface SeededCompany {
  companyId: string;
  plan: CompanyPlan;
  cast: HistoryCast;
  slots: readonly HourSlot[];
  eventCount: number;
  changes: PermissionChange[];
}

/** The company's own stream for one part of the seed, the same every run. */
export function companyRandom(plan: CompanyPlan, part: string): Random {
  return createRandom(`${plan.slug}/${part}`);
}

/**
 * Creates a company with its organization tree, members and admin grants,
 * and plans the permission changes its audit history will show. The events
 * themselves are written by writeCompanyHistory.
 */
export async function seedCompany(
  plan: CompanyPlan,
  input: CompanySeedInput,
): Promise<SeededCompany> {
  const { transaction } = input;
  const company = await Company.create(
    {
      name: plan.name,
      slug: plan.slug,
      plan: plan.plan,
      timeZone: plan.timeZone,
      emailDomain: plan.emailDomain,
    },
    { transaction },
  );

  const units = await createOrganizations(company.id, plan.tree, transaction);
  const people = planMembers(plan, units, companyRandom(plan, 'members'));
  await createMembers(
    company.id,
    people,
    input.passwordHash,
    input.now,
    companyRandom(plan, 'passwords'),
    transaction,
  );

  const cast = castOf(company.id, people);
  const slots =
    input.slots ?? hourSlots(input.historyStart, input.now, plan.timeZone);
  const times = eventTimes(
    slots,
    input.eventCount,
    companyRandom(plan, 'times'),
  );
  const changes = planPermissionChanges(
    cast.admins,
    times,
    companyRandom(plan, 'grants'),
  );
  await createGrants(
    company.id,
    cast.admins,
    cast.superAdmin,
    changes,
    input.historyStart,
    transaction,
  );

  return {
    companyId: company.id,
    plan,
    cast,
    slots,
    eventCount: input.eventCount,
    changes,
  };
}
