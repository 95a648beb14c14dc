import { QueryTypes, type Transaction } from 'sequelize';
import { database } from '../../db/index.js';
import type {
  ActivityType,
  AuditEventKind,
  InformationType,
} from '../audit/catalogue.js';
import { recordAudit, type RequestContext } from '../audit/record.js';

/** What was refused: a sign-in, a signed-in request, or a work record. */
export type IpRefusalKind = 'sign_in' | 'request' | 'clock_in' | 'clock_out';

/** Who was refused; the member is known, since refusal follows identity. */
export interface IpRefusal {
  member: {
    id: string;
    name: string;
    organizationId: string | null;
    companyId: string;
  };
  kind: IpRefusalKind;
  context: RequestContext;
  /** The path refused, for signed-in requests. */
  path?: string;
  now?: Date;
}

/** How long refusals of one member from one IP share one audit event. */
export const REFUSAL_WINDOW_MS = 10 * 60_000;

const auditShape: Record<
  IpRefusalKind,
  {
    activityType: ActivityType;
    event: AuditEventKind;
    informationType: InformationType;
  }
> = {
  sign_in: {
    activityType: 'login',
    event: 'create',
    informationType: 'authentication_token',
  },
  request: {
    activityType: 'login',
    event: 'view',
    informationType: 'authentication_token',
  },
  clock_in: {
    activityType: 'personal_information_access',
    event: 'create',
    informationType: 'attendance',
  },
  clock_out: {
    activityType: 'personal_information_access',
    event: 'edit',
    informationType: 'attendance',
  },
};

async function countRefusal(
  refusal: IpRefusal,
  windowStart: Date,
  transaction: Transaction,
): Promise<number> {
  const [row] = await database().query<{ refusals: number }>(
    `INSERT INTO ip_refusal_windows
       (company_id, member_id, ip, kind, window_start, refusals)
     VALUES ($1, $2, $3, $4, $5, 1)
     ON CONFLICT (member_id, ip, kind, window_start)
       DO UPDATE SET refusals = ip_refusal_windows.refusals + 1
     RETURNING refusals`,
    {
      bind: [
        refusal.member.companyId,
        refusal.member.id,
        refusal.context.ip ?? '',
        refusal.kind,
        windowStart,
      ],
      type: QueryTypes.SELECT,
      transaction,
    },
  );
  return row?.refusals ?? 1;
}

// Refusals of earlier windows beyond each window's first, which had no
// event of their own; those windows are pruned on the way.
async function takeEarlierRefusals(
  refusal: IpRefusal,
  windowStart: Date,
  transaction: Transaction,
): Promise<number> {
  const [row] = await database().query<{ unlisted: string | number }>(
    `WITH gone AS (
       DELETE FROM ip_refusal_windows
       WHERE member_id = $1 AND ip = $2 AND kind = $3 AND window_start < $4
       RETURNING refusals)
     SELECT COALESCE(SUM(refusals - 1), 0) AS unlisted FROM gone`,
    {
      bind: [
        refusal.member.id,
        refusal.context.ip ?? '',
        refusal.kind,
        windowStart,
      ],
      type: QueryTypes.SELECT,
      transaction,
    },
  );
  return Number(row?.unlisted ?? 0);
}

/**
 * Audits a refusal by the allowed-IP rule, summarised: the first refusal of
 * a member from an IP in each 10-minute window writes an event, later ones
 * in that window only count, and the next window's event reports how many
 * went unlisted. A client hammering the server thus writes a handful of
 * events an hour, and the counter update is atomic across processes.
 */
export async function recordIpRefusal(refusal: IpRefusal): Promise<void> {
  const now = refusal.now ?? new Date();
  const windowStart = new Date(
    Math.floor(now.getTime() / REFUSAL_WINDOW_MS) * REFUSAL_WINDOW_MS,
  );
  await database().transaction(async (transaction) => {
    const count = await countRefusal(refusal, windowStart, transaction);
    if (count > 1) return;
    const earlier = await takeEarlierRefusals(
      refusal,
      windowStart,
      transaction,
    );
    const { member } = refusal;
    await recordAudit(
      {
        companyId: member.companyId,
        actor: {
          id: member.id,
          name: member.name,
          organizationId: member.organizationId,
        },
        ...auditShape[refusal.kind],
        target: { id: member.id, name: member.name },
        outcome: 'failure',
        context: refusal.context,
        occurredAt: now,
        details: {
          reason: 'ip not allowed',
          refused: refusal.kind,
          ...(refusal.path ? { path: refusal.path } : {}),
          ...(earlier > 0 ? { earlierRefusalsNotListed: earlier } : {}),
          summary:
            'further refusals of this member from this IP within 10 minutes are counted, not listed',
        },
      },
      transaction,
    );
  });
}
