import { QueryTypes } from 'sequelize';
import { database } from '../../db/index.js';
import { checkLink, type StoredRow } from './chain-link.js';

/** The first link that does not hold, and why. */
export interface BrokenLink {
  chainSeq: number;
  id: string;
  occurredAt: Date | null;
  reason: string;
}

/** What re-computing a company's chain found. */
export interface ChainVerdict {
  ok: boolean;
  /** Events re-computed. */
  checked: number;
  /** The oldest sequence checked; above 1 after retention dropped months. */
  startsAt: number | null;
  lastSeq: number | null;
  broken: BrokenLink | null;
}

// Where retention cut the chain: the last dropped event's sequence and hash.
async function retentionMark(companyId: string) {
  const [mark] = await database().query<{
    through_seq: string;
    through_hash: Buffer;
  }>(
    'SELECT through_seq, through_hash FROM audit_retention_marks WHERE company_id = $1',
    { bind: [companyId], type: QueryTypes.SELECT },
  );
  return mark
    ? { seq: Number(mark.through_seq), hash: mark.through_hash }
    : null;
}

/**
 * Re-computes a company's hash chain in chain order, reading in keyset
 * batches so memory stays flat, and names the first link that breaks. The
 * chain starts at 1, or right after the mark retention left when it
 * dropped old partitions, and the chain head must point at the last event.
 */
export async function verifyChain(
  companyId: string,
  batchSize = 5_000,
): Promise<ChainVerdict> {
  const verdict: ChainVerdict = {
    ok: true,
    checked: 0,
    startsAt: null,
    lastSeq: null,
    broken: null,
  };
  const mark = await retentionMark(companyId);
  let seq: number | null = mark?.seq ?? null;
  let previous: Buffer | null = mark?.hash ?? null;
  for (;;) {
    const rows: StoredRow[] = await database().query<StoredRow>(
      `SELECT * FROM audit_events WHERE company_id = $1 AND chain_seq > $2
       ORDER BY chain_seq, id LIMIT $3`,
      { bind: [companyId, seq ?? 0, batchSize], type: QueryTypes.SELECT },
    );
    for (const row of rows) {
      const reason = checkLink(row, seq, previous);
      if (reason) {
        const at = {
          chainSeq: Number(row.chain_seq),
          id: String(row.id),
          occurredAt: row.occurred_at,
        };
        return { ...verdict, ok: false, broken: { ...at, reason } };
      }
      verdict.startsAt ??= Number(row.chain_seq);
      seq = Number(row.chain_seq);
      previous = row.hash;
      verdict.checked += 1;
    }
    if (rows.length < batchSize) break;
  }
  verdict.lastSeq = seq;
  return checkHead(companyId, verdict, previous);
}

async function checkHead(
  companyId: string,
  verdict: ChainVerdict,
  last: Buffer | null,
): Promise<ChainVerdict> {
  const [head] = await database().query<{
    last_seq: string;
    last_hash: Buffer;
  }>(
    'SELECT last_seq, last_hash FROM audit_chain_heads WHERE company_id = $1',
    { bind: [companyId], type: QueryTypes.SELECT },
  );
  const headSeq = Number(head?.last_seq ?? 0);
  const matches =
    headSeq === (verdict.lastSeq ?? 0) &&
    (!last || Boolean(head?.last_hash.equals(last)));
  if (matches) return verdict;
  return {
    ...verdict,
    ok: false,
    broken: {
      chainSeq: headSeq,
      id: '',
      occurredAt: null,
      reason: `the chain head says event ${headSeq} is last, but the log ends at ${verdict.lastSeq ?? 'nothing'} (events at the end were removed or altered)`,
    },
  };
}
