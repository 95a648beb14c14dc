import crypto from 'node:crypto';

/** The chain's first "previous hash" for every company. */
export const genesisHash = Buffer.alloc(32);

/** The fields of an audit event that its hash covers. */
export interface ChainedContent {
  companyId: string;
  chainSeq: number;
  occurredAt: Date;
  actorId: string | null;
  actorName: string | null;
  actorOrganizationId: string | null;
  activityType: string;
  event: string;
  informationType: string;
  targetMemberId: string | null;
  targetName: string | null;
  outcome: string;
  ip: string | null;
  deviceId: string | null;
  userAgent: string | null;
  details: Record<string, unknown>;
}

// PostgreSQL's jsonb reorders keys, so details are hashed with sorted keys
// to give the same bytes when the verifier reads them back.
function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, stable((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** SHA-256 over the previous hash and the event's canonical content. */
export function chainHash(previous: Buffer, content: ChainedContent): Buffer {
  const canonical = JSON.stringify([
    content.companyId,
    content.chainSeq,
    content.occurredAt.toISOString(),
    content.actorId,
    content.actorName,
    content.actorOrganizationId,
    content.activityType,
    content.event,
    content.informationType,
    content.targetMemberId,
    content.targetName,
    content.outcome,
    content.ip,
    content.deviceId,
    content.userAgent,
    stable(content.details),
  ]);
  return crypto
    .createHash('sha256')
    .update(previous)
    .update(canonical)
    .digest();
}
