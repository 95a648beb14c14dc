import type { EventTime } from './event-times.js';
import type { HistoryCast } from './history-cast.js';
import {
  fieldsByInformationType,
  hrAccessWeights,
  selfAccessWeights,
} from './information-fields.js';
import type { PermissionChange } from './permission-plan.js';
import type { Random } from './random.js';
import { requestOrigin } from './client-profile.js';
import type { SeedPerson } from './seed-person.js';
import type { SeedAuditInput } from './types.js';

const loginShare = 0.42;
const selfServiceShare = 0.35;
const wrongPasswordShare = 0.05;

const selfEvents = [
  ['view', 8.5],
  ['download', 1.2],
  ['edit', 0.3],
] as const;

const hrEvents = [
  ['view', 7],
  ['edit', 2],
  ['download', 1],
] as const;

function actorOf(person: SeedPerson) {
  return {
    id: person.id,
    name: person.name,
    organizationId: person.organizationId,
  };
}

// Who tries to sign in, and why it fails: reasons as core/auth records them.
// Members on leave and terminated members are refused whatever they type.
function signInAttempt(cast: HistoryCast, random: Random) {
  if (cast.onLeave.length > 0 && random.chance(0.01)) {
    return { member: random.pick(cast.onLeave), reason: 'on leave' };
  }
  if (cast.terminated.length > 0 && random.chance(0.003)) {
    return { member: random.pick(cast.terminated), reason: 'terminated' };
  }
  const member = random.pick(cast.active);
  const failed = random.chance(wrongPasswordShare);
  return { member, reason: failed ? 'wrong password' : null };
}

function login(cast: HistoryCast, time: EventTime, random: Random) {
  const { member, reason } = signInAttempt(cast, random);
  const method = random.chance(0.12) ? 'google' : 'password';
  return {
    companyId: cast.companyId,
    occurredAt: time.at,
    context: requestOrigin(random, member.client, time.officeHours),
    actor: actorOf(member),
    activityType: 'login',
    event: 'create',
    informationType: 'authentication_token',
    target: { id: member.id, name: member.name },
    outcome: reason ? 'failure' : 'success',
    details: reason ? { reason } : { method, stage: 'active' },
  } satisfies SeedAuditInput;
}

// One or two distinct fields, as a typical edit form save touches.
function someOf(fields: readonly string[], random: Random): string[] {
  const first = random.int(fields.length);
  if (random.chance(0.5)) return [fields[first] as string];
  const second = (first + 1 + random.int(fields.length - 1)) % fields.length;
  return [fields[first] as string, fields[second] as string];
}

// HR opens someone else's record; their own goes through self-service.
function colleagueOf(actor: SeedPerson, cast: HistoryCast, random: Random) {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const colleague = random.pick(cast.everyone);
    if (colleague.id !== actor.id) return colleague;
  }
  return actor;
}

function access(cast: HistoryCast, time: EventTime, random: Random) {
  const self = cast.hrStaff.length === 0 || random.chance(selfServiceShare);
  const actor = random.pick(self ? cast.active : cast.hrStaff);
  const target = self ? actor : colleagueOf(actor, cast, random);
  const informationType = random.weighted(
    self ? selfAccessWeights : hrAccessWeights,
  );
  const event = random.weighted(self ? selfEvents : hrEvents);
  const fields = fieldsByInformationType[informationType];
  const details =
    event === 'edit'
      ? { fields: someOf(fields, random) }
      : event === 'download'
        ? { format: random.chance(0.7) ? 'pdf' : 'xlsx' }
        : { screen: self ? 'my_profile' : 'member_profile' };
  return {
    companyId: cast.companyId,
    occurredAt: time.at,
    context: requestOrigin(random, actor.client, time.officeHours),
    actor: actorOf(actor),
    activityType: 'personal_information_access',
    event,
    informationType,
    target: { id: target.id, name: target.name },
    outcome: 'success',
    details,
  } satisfies SeedAuditInput;
}

function permissionChange(
  cast: HistoryCast,
  change: PermissionChange,
  random: Random,
) {
  return {
    companyId: cast.companyId,
    occurredAt: change.at.at,
    context: requestOrigin(random, cast.superAdmin.client, true),
    actor: actorOf(cast.superAdmin),
    activityType: 'permission_change',
    event: change.event,
    informationType: 'admin_permission',
    target: { id: change.admin.id, name: change.admin.name },
    outcome: 'success',
    details: { permission: change.permission },
  } satisfies SeedAuditInput;
}

/**
 * Yields one company's audit events in time order: sign-ins, members
 * opening their own records, HR opening colleagues' records, and the
 * planned permission changes at their places on the time line.
 */
export function* auditHistory(
  cast: HistoryCast,
  times: readonly EventTime[],
  changes: readonly PermissionChange[],
  random: Random,
): Generator<SeedAuditInput> {
  const changeAt = new Map(changes.map((change) => [change.index, change]));
  for (let index = 0; index < times.length; index += 1) {
    const time = times[index] as EventTime;
    const change = changeAt.get(index);
    if (change) yield permissionChange(cast, change, random);
    else if (random.chance(loginShare)) yield login(cast, time, random);
    else yield access(cast, time, random);
  }
}
