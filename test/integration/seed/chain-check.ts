import { QueryTypes } from 'sequelize';
import { chainHash, genesisHash } from '../../../core/audit/chain.js';
import { database } from '../../../db/index.js';

interface Row {
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

/**
 * Recomputes a company's audit chain from its rows and returns its length;
 * throws at the first row whose sequence, time order or hash is wrong.
 */
export async function verifyChain(companyId: string): Promise<number> {
  const rows = await database().query<Row>(
    'SELECT * FROM audit_events WHERE company_id = $1 ORDER BY chain_seq',
    { bind: [companyId], type: QueryTypes.SELECT },
  );
  let previous: Buffer = genesisHash;
  let previousTime = 0;
  rows.forEach((row, index) => {
    const seq = Number(row.chain_seq);
    if (seq !== index + 1) throw new Error(`gap before chain_seq ${seq}`);
    if (row.occurred_at.getTime() < previousTime) {
      throw new Error(`chain_seq ${seq} is earlier than its predecessor`);
    }
    const expected = chainHash(previous, {
      companyId,
      chainSeq: seq,
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
    if (!row.prev_hash.equals(previous) || !row.hash.equals(expected)) {
      throw new Error(`chain_seq ${seq} does not match its hash`);
    }
    previous = row.hash;
    previousTime = row.occurred_at.getTime();
  });
  return rows.length;
}
