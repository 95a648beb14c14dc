import { allocate } from './allocate.js';
import type { Random } from './random.js';
import type { HourSlot } from './working-hours.js';

/** When one seeded event happened. */
export interface EventTime {
  at: Date;
  officeHours: boolean;
}

// Busy and quiet days: each local date gets its own factor.
function dayFactors(slots: readonly HourSlot[], random: Random) {
  const factors = new Map<string, number>();
  for (const slot of slots) {
    if (!factors.has(slot.localDate)) {
      factors.set(slot.localDate, 0.75 + random.next() * 0.5);
    }
  }
  return factors;
}

/**
 * Spreads `count` events over the slots by their weight, with some days
 * busier than others, and returns their times in ascending order (the audit
 * chain must be written in time order).
 */
export function eventTimes(
  slots: readonly HourSlot[],
  count: number,
  random: Random,
): EventTime[] {
  const factors = dayFactors(slots, random);
  const weights = slots.map(
    (slot) => slot.weight * (factors.get(slot.localDate) ?? 1),
  );
  const counts = allocate(weights, count);
  const times: EventTime[] = [];

  slots.forEach((slot, index) => {
    const instants: number[] = [];
    for (let i = 0; i < (counts[index] ?? 0); i += 1) {
      instants.push(
        slot.start + Math.floor(random.next() * (slot.end - slot.start)),
      );
    }
    instants.sort((a, b) => a - b);
    for (const instant of instants) {
      times.push({ at: new Date(instant), officeHours: slot.officeHours });
    }
  });
  return times;
}
