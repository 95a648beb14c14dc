import { QueryTypes } from 'sequelize';
import { verifyChain as verifyStoredChain } from '../../../core/audit/verify-chain.js';
import { database } from '../../../db/index.js';

/**
 * Verifies a seeded company's audit chain with the product's verifier and
 * checks what only a seed must add: events were chained in time order.
 * Returns the chain's length; throws at the first problem.
 */
export async function verifyChain(companyId: string): Promise<number> {
  const verdict = await verifyStoredChain(companyId);
  if (!verdict.ok) {
    throw new Error(
      `chain broken at ${verdict.broken?.chainSeq}: ${verdict.broken?.reason}`,
    );
  }
  const [order] = await database().query<{ backwards: string }>(
    `SELECT count(*) AS backwards FROM (
       SELECT occurred_at < lag(occurred_at) OVER (ORDER BY chain_seq) AS back
       FROM audit_events WHERE company_id = $1) steps
     WHERE back`,
    { bind: [companyId], type: QueryTypes.SELECT },
  );
  if (Number(order?.backwards) > 0) {
    throw new Error(
      `${order?.backwards} events are earlier than their predecessor`,
    );
  }
  return verdict.checked;
}
