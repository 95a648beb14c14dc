import { QueryTypes, type Transaction } from 'sequelize';
import { database } from '../../db/index.js';
import type {
  ActivityType,
  AuditEventKind,
  InformationType,
} from './catalogue.js';
import { chainHash, genesisHash, type ChainedContent } from './chain.js';

/** Where a request came from; present on every event that a request causes. */
export interface RequestContext {
  ip: string | null;
  deviceId: string | null;
  userAgent: string | null;
}

/** Who did it: the acting member as they were at that time. */
export interface AuditActor {
  id: string;
  name: string;
  organizationId: string | null;
}

/** One audit event to append. Details must never hold secrets. */
export interface AuditInput {
  companyId: string;
  actor: AuditActor | null;
  activityType: ActivityType;
  event: AuditEventKind;
  informationType: InformationType;
  target?: { id: string; name: string } | null;
  outcome?: 'success' | 'failure';
  context: RequestContext;
  details?: Record<string, unknown>;
  occurredAt?: Date;
}

const columns = [
  'company_id',
  'chain_seq',
  'occurred_at',
  'actor_id',
  'actor_name',
  'actor_organization_id',
  'activity_type',
  'event',
  'information_type',
  'target_member_id',
  'target_name',
  'outcome',
  'ip',
  'device_id',
  'user_agent',
  'details',
  'prev_hash',
  'hash',
];

function toContent(input: AuditInput, chainSeq: number): ChainedContent {
  return {
    companyId: input.companyId,
    chainSeq,
    occurredAt: input.occurredAt ?? new Date(),
    actorId: input.actor?.id ?? null,
    actorName: input.actor?.name ?? null,
    actorOrganizationId: input.actor?.organizationId ?? null,
    activityType: input.activityType,
    event: input.event,
    informationType: input.informationType,
    targetMemberId: input.target?.id ?? null,
    targetName: input.target?.name ?? null,
    outcome: input.outcome ?? 'success',
    ip: input.context.ip,
    deviceId: input.context.deviceId,
    userAgent: input.context.userAgent,
    details: input.details ?? {},
  };
}

// Locks the company's chain head for the rest of the transaction, so two
// writers can never link their events to the same predecessor.
async function lockHead(companyId: string, transaction: Transaction) {
  const db = database();
  await db.query(
    `INSERT INTO audit_chain_heads (company_id, last_seq, last_hash)
     VALUES ($1, 0, $2) ON CONFLICT (company_id) DO NOTHING`,
    { bind: [companyId, genesisHash], transaction },
  );
  const [head] = await db.query<{ last_seq: string; last_hash: Buffer }>(
    'SELECT last_seq, last_hash FROM audit_chain_heads WHERE company_id = $1 FOR UPDATE',
    { bind: [companyId], transaction, type: QueryTypes.SELECT },
  );
  if (!head) throw new Error('audit chain head missing after insert');
  return { seq: Number(head.last_seq), hash: head.last_hash };
}

async function appendChained(
  companyId: string,
  inputs: AuditInput[],
  transaction: Transaction,
): Promise<void> {
  const db = database();
  const head = await lockHead(companyId, transaction);
  const rows: unknown[][] = [];
  let previous = head.hash;
  inputs.forEach((input, index) => {
    const content = toContent(input, head.seq + index + 1);
    const hash = chainHash(previous, content);
    rows.push([
      content.companyId,
      content.chainSeq,
      content.occurredAt,
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
      JSON.stringify(content.details),
      previous,
      hash,
    ]);
    previous = hash;
  });

  // One statement per thousand rows keeps bind parameters under PostgreSQL's limit.
  for (let start = 0; start < rows.length; start += 1000) {
    const chunk = rows.slice(start, start + 1000);
    const values = chunk
      .map(
        (_, r) =>
          `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(', ')})`,
      )
      .join(', ');
    await db.query(
      `INSERT INTO audit_events (${columns.join(', ')}) VALUES ${values}`,
      { bind: chunk.flat(), transaction },
    );
  }
  await db.query(
    'UPDATE audit_chain_heads SET last_seq = $2, last_hash = $3 WHERE company_id = $1',
    { bind: [companyId, head.seq + inputs.length, previous], transaction },
  );
}

/**
 * Appends audit events to their companies' chains. Pass the transaction of
 * the change they describe, so a change is never saved without its event;
 * without one, the events are written in a transaction of their own.
 */
export async function recordAudit(
  inputs: AuditInput | AuditInput[],
  transaction?: Transaction,
): Promise<void> {
  const list = Array.isArray(inputs) ? inputs : [inputs];
  if (list.length === 0) return;
  const run = async (tx: Transaction) => {
    const companies = [...new Set(list.map((input) => input.companyId))].sort();
    for (const companyId of companies) {
      const own = list.filter((input) => input.companyId === companyId);
      await appendChained(companyId, own, tx);
    }
  };
  if (transaction) return run(transaction);
  await database().transaction(run);
}
