import { recordAudit, type AuditInput } from '../../core/audit/record.js';
import type { Company, Member } from '../../db/index.js';

/** An audit event by a member at a given time, with a marker in details. */
export function eventBy(
  company: Company,
  actor: Member,
  occurredAt: Date,
  marker: string,
  overrides: Partial<AuditInput> = {},
): AuditInput {
  return {
    companyId: company.id,
    actor: {
      id: actor.id,
      name: actor.name,
      organizationId: actor.organizationId,
    },
    activityType: 'personal_information_access',
    event: 'view',
    informationType: 'income',
    target: { id: actor.id, name: actor.name },
    context: {
      ip: '192.0.2.10',
      deviceId: 'fixture-device',
      userAgent: 'fixture-agent/1.0',
    },
    details: { marker },
    occurredAt,
    ...overrides,
  };
}

/** Writes events in time order, as the chain expects. */
export async function writeEvents(events: AuditInput[]): Promise<void> {
  const sorted = [...events].sort(
    (a, b) => (a.occurredAt?.getTime() ?? 0) - (b.occurredAt?.getTime() ?? 0),
  );
  await recordAudit(sorted);
}

/** A time the given number of days (and optional hours) before now. */
export function daysAgo(days: number, hours = 0): Date {
  return new Date(Date.now() - days * 86_400_000 - hours * 3_600_000);
}
