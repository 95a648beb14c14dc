import type { SeedPerson } from './seed-person.js';

/** The people a company's audit history is about, sorted into roles. */
export interface HistoryCast {
  companyId: string;
  superAdmin: SeedPerson;
  admins: SeedPerson[];
  /** Members who work and sign in. */
  active: SeedPerson[];
  /** Members on leave: they sign in rarely. */
  onLeave: SeedPerson[];
  /** Active HR staff and the super admin: they open colleagues' records. */
  hrStaff: SeedPerson[];
  /** Former members whose accounts remain: now and then one tries. */
  terminated: SeedPerson[];
  /** Everyone, terminated members included: HR still opens their files. */
  everyone: SeedPerson[];
}

/** Sorts a company's people into the roles the history generator uses. */
export function castOf(companyId: string, people: SeedPerson[]): HistoryCast {
  const superAdmin = people.find((person) => person.role === 'super_admin');
  if (!superAdmin) throw new Error('seed plan has no super admin');
  const active = people.filter((person) => person.status === 'active');
  return {
    companyId,
    superAdmin,
    admins: people.filter((person) => person.role === 'admin'),
    active,
    onLeave: people.filter((person) => person.status === 'on_leave'),
    terminated: people.filter((person) => person.status === 'terminated'),
    hrStaff: active.filter((person) => person.handlesHr),
    everyone: people,
  };
}
