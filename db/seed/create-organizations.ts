import { randomUUID } from 'node:crypto';
import type { Transaction } from 'sequelize';
import { Organization } from '../models/index.js';
import type { UnitPlan } from './organization-trees.js';
import type { UnitFunction } from './titles.js';

/** A unit as written, with what the member planner needs to know. */
export interface SeededUnit {
  id: string;
  name: string;
  function: UnitFunction | null;
  headcount: number;
}

function flatten(
  plan: UnitPlan,
  parentId: string | null,
  into: (SeededUnit & { parentId: string | null })[],
): void {
  const id = randomUUID();
  into.push({
    id,
    parentId,
    name: plan.name,
    function: plan.function ?? null,
    headcount: plan.headcount ?? 0,
  });
  for (const child of plan.children ?? []) flatten(child, id, into);
}

/**
 * Writes a company's organization tree in one statement, parents before
 * children, and returns every unit.
 */
export async function createOrganizations(
  companyId: string,
  tree: UnitPlan,
  transaction: Transaction,
): Promise<SeededUnit[]> {
  const units: (SeededUnit & { parentId: string | null })[] = [];
  flatten(tree, null, units);
  await Organization.bulkCreate(
    units.map((unit) => ({
      id: unit.id,
      companyId,
      parentId: unit.parentId,
      name: unit.name,
    })),
    { transaction },
  );
  return units;
}
