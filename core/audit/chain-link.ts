import { chainHash, genesisHash } from './chain.js';

/** An audit row as stored, with its chain fields. */
export interface StoredRow {
  id: string;
  company_id: string;
  chain_seq: string;
  occurred_at: Date;
  actor_id: string | null;
  actor_name: string | null;
  actor_organization_id: string | null;
  activity_type: string;
  event: string;
  information_type: string;
  target_member_id: string | null;
  target_name: string | null;
  outcome: string;
  ip: string | null;
  device_id: string | null;
  user_agent: string | null;
  details: Record<string, unknown>;
  prev_hash: Buffer;
  hash: Buffer;
}

function recompute(row: StoredRow, previous: Buffer): Buffer {
  return chainHash(previous, {
    companyId: row.company_id,
    chainSeq: Number(row.chain_seq),
    occurredAt: row.occurred_at,
    actorId: row.actor_id,
    actorName: row.actor_name,
    actorOrganizationId: row.actor_organization_id,
    activityType: row.activity_type,
    event: row.event,
    informationType: row.information_type,
    targetMemberId: row.target_member_id,
    targetName: row.target_name,
    outcome: row.outcome,
    ip: row.ip,
    deviceId: row.device_id,
    userAgent: row.user_agent,
    details: row.details,
  });
}

/**
 * Checks one stored event against its predecessor (sequence and hash) and
 * its own content; returns why the link breaks, or null when it holds.
 */
export function checkLink(
  row: StoredRow,
  seq: number | null,
  previous: Buffer | null,
): string | null {
  const current = Number(row.chain_seq);
  if (seq !== null && current === seq)
    return `sequence ${current} appears twice (the chain forked)`;
  if (seq !== null && current !== seq + 1) {
    return `sequence jumps from ${seq} to ${current} (events were removed)`;
  }
  if (seq === null && current !== 1) {
    return `the chain starts at ${current}, not 1 (events were removed)`;
  }
  if (seq === null && !row.prev_hash.equals(genesisHash)) {
    return 'the first event does not start from the genesis hash';
  }
  if (previous && !row.prev_hash.equals(previous)) {
    return `its previous hash is not the hash of event ${seq} (an event was replaced or reordered)`;
  }
  if (!recompute(row, row.prev_hash).equals(row.hash)) {
    return 'its content no longer matches its hash (the row was altered)';
  }
  return null;
}
