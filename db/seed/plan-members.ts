import { randomUUID } from 'node:crypto';
import { allocate } from './allocate.js';
import { createClientProfile } from './client-profile.js';
import type { SeededUnit } from './create-organizations.js';
import type { CompanyPlan, KeyPerson } from './demo-companies.js';
import {
  internationalName,
  koreanName,
  uniqueEmailLocal,
  type PersonName,
} from './person-name.js';
import type { Random } from './random.js';
import type { SeedPerson } from './seed-person.js';
import { seniorities, titlesByFunction } from './titles.js';

/** Shares of generated members on leave and terminated. */
const onLeaveShare = 0.05;
const terminatedShare = 0.025;

function leadTitle(unit: SeededUnit): string {
  return unit.function === 'executive'
    ? 'Chief Executive Officer'
    : 'Team Lead';
}

function generatedTitle(unit: SeededUnit, random: Random): string {
  const titles = titlesByFunction[unit.function ?? 'executive'];
  return `${random.weighted(seniorities)}${random.pick(titles)}`;
}

function unitNamed(units: readonly SeededUnit[], name: string): SeededUnit {
  const unit = units.find((candidate) => candidate.name === name);
  if (!unit) throw new Error(`seed plan names a missing unit: ${name}`);
  return unit;
}

function person(
  plan: CompanyPlan,
  unit: SeededUnit,
  name: PersonName,
  title: string,
  random: Random,
  key?: KeyPerson,
): SeedPerson {
  return {
    id: randomUUID(),
    name: name.name,
    email: `${name.emailLocal}@${plan.emailDomain}`,
    title,
    organizationId: unit.id,
    role: key?.role ?? 'member',
    status: 'active',
    permissions: key?.permissions ?? [],
    handlesHr: unit.function === 'hr' || key?.role === 'super_admin',
    client: createClientProfile(random, plan.officeNetwork),
  };
}

/**
 * Decides who works where: the plan's key people first, then generated
 * members spread over the units by headcount, a lead first in each unit,
 * and a few members on leave or terminated.
 */
export function planMembers(
  plan: CompanyPlan,
  units: readonly SeededUnit[],
  random: Random,
): SeedPerson[] {
  const taken = new Set(plan.keyPeople.map((key) => key.emailLocal));
  const people = plan.keyPeople.map((key) =>
    person(plan, unitNamed(units, key.unit), key, key.title, random, key),
  );

  const staffed = units.filter((unit) => unit.headcount > 0);
  const counts = allocate(
    staffed.map((unit) => unit.headcount),
    plan.memberCount - people.length,
  );
  const generated: SeedPerson[] = [];
  staffed.forEach((unit, index) => {
    for (let i = 0; i < (counts[index] ?? 0); i += 1) {
      const drawn = random.chance(plan.koreanShare)
        ? koreanName(random)
        : internationalName(random);
      const name = {
        ...drawn,
        emailLocal: uniqueEmailLocal(drawn.emailLocal, taken),
      };
      const title = i === 0 ? leadTitle(unit) : generatedTitle(unit, random);
      generated.push(person(plan, unit, name, title, random));
    }
  });

  const leavers = random.shuffled(generated);
  const onLeave = Math.max(2, Math.round(generated.length * onLeaveShare));
  const terminated = Math.max(
    2,
    Math.round(generated.length * terminatedShare),
  );
  leavers.slice(0, onLeave).forEach((member) => (member.status = 'on_leave'));
  leavers
    .slice(onLeave, onLeave + terminated)
    .forEach((member) => (member.status = 'terminated'));

  return [...people, ...generated];
}
