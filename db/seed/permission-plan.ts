import type { Permission } from '../models/index.js';
import { permissions } from '../models/index.js';
import type { EventTime } from './event-times.js';
import type { Random } from './random.js';
import type { SeedPerson } from './seed-person.js';

/** One grant or revocation a super admin made, and when. */
export interface PermissionChange {
  admin: SeedPerson;
  permission: Permission;
  event: 'create' | 'delete';
  at: EventTime;
  /** Index of the history slot this change takes. */
  index: number;
}

interface Planned {
  admin: SeedPerson;
  permission: Permission;
  event: 'create' | 'delete';
  position: number;
}

// Current grants happened early in the history; a few permissions were
// granted for a while and revoked again, as happens during an incident.
function plan(admins: readonly SeedPerson[], random: Random): Planned[] {
  const planned: Planned[] = [];
  for (const admin of admins) {
    for (const permission of admin.permissions) {
      planned.push({
        admin,
        permission,
        event: 'create',
        position: random.next() * 0.4,
      });
    }
    const missing = permissions.filter((p) => !admin.permissions.includes(p));
    if (missing.length === 0 || !random.chance(0.7)) continue;
    const permission = random.pick(missing);
    const granted = 0.2 + random.next() * 0.6;
    planned.push({ admin, permission, event: 'create', position: granted });
    planned.push({
      admin,
      permission,
      event: 'delete',
      position: granted + 0.02 + random.next() * 0.15,
    });
  }
  return planned.sort((a, b) => a.position - b.position);
}

// Distinct indices, preferring office hours: admins change settings at work.
function slotsFor(count: number, times: readonly EventTime[], random: Random) {
  const office = times.flatMap((time, index) =>
    time.officeHours ? [index] : [],
  );
  const pool = office.length >= count ? office : times.map((_, index) => index);
  const chosen = new Set<number>();
  while (chosen.size < Math.min(count, pool.length)) {
    chosen.add(pool[random.int(pool.length)] as number);
  }
  return [...chosen].sort((a, b) => a - b);
}

/**
 * Places the admins' permission grants and revocations on the history's
 * time line, in an order that leaves each admin with their planned set.
 * A history too short for every change keeps the earliest ones.
 */
export function planPermissionChanges(
  admins: readonly SeedPerson[],
  times: readonly EventTime[],
  random: Random,
): PermissionChange[] {
  const planned = plan(admins, random);
  const indices = slotsFor(planned.length, times, random);
  return indices.map((index, order) => {
    const change = planned[order] as Planned;
    return {
      admin: change.admin,
      permission: change.permission,
      event: change.event,
      at: times[index] as EventTime,
      index,
    };
  });
}
