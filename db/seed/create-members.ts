import type { Transaction } from 'sequelize';
import { Member } from '../models/index.js';
import type { Random } from './random.js';
import type { SeedPerson } from './seed-person.js';

const dayMs = 86_400_000;

/**
 * Writes the planned members with one shared password hash. Password ages
 * vary (5 to 170 days) so expiry reminders have someone to remind.
 */
export async function createMembers(
  companyId: string,
  people: readonly SeedPerson[],
  passwordHash: string,
  now: Date,
  random: Random,
  transaction: Transaction,
): Promise<void> {
  const rows = people.map((person) => ({
    id: person.id,
    companyId,
    organizationId: person.organizationId,
    name: person.name,
    email: person.email,
    role: person.role,
    employmentStatus: person.status,
    title: person.title,
    passwordHash,
    passwordChangedAt: new Date(
      now.getTime() - (5 + random.int(165)) * dayMs - random.int(dayMs),
    ),
  }));

  // Chunks keep each INSERT well under PostgreSQL's bind-parameter limit.
  for (let start = 0; start < rows.length; start += 2000) {
    await Member.bulkCreate(rows.slice(start, start + 2000), { transaction });
  }
}
