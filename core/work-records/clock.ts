import { QueryTypes, UniqueConstraintError, type Transaction } from 'sequelize';
import { database } from '../../db/index.js';
import { recordAudit, type RequestContext } from '../audit/record.js';

/** The member clocking in or out. */
export interface ClockingMember {
  id: string;
  name: string;
  organizationId: string | null;
  companyId: string;
}

/** One work record as pages and the JSON API show it. */
export interface WorkRecordView {
  id: string;
  clockInAt: Date;
  clockOutAt: Date | null;
  ipIn: string | null;
  ipOut: string | null;
}

export type ClockResult =
  { ok: true; record: WorkRecordView } | { ok: false; message: string };

interface WorkRecordRow {
  id: string;
  clock_in_at: Date;
  clock_out_at: Date | null;
  ip_in: string | null;
  ip_out: string | null;
}

/** Maps a row of work_records to its view. */
export function toWorkRecordView(row: WorkRecordRow): WorkRecordView {
  return {
    id: row.id,
    clockInAt: row.clock_in_at,
    clockOutAt: row.clock_out_at,
    ipIn: row.ip_in,
    ipOut: row.ip_out,
  };
}

function audit(
  member: ClockingMember,
  action: 'clock_in' | 'clock_out',
  record: WorkRecordView,
  context: RequestContext,
  transaction: Transaction,
) {
  return recordAudit(
    {
      companyId: member.companyId,
      actor: {
        id: member.id,
        name: member.name,
        organizationId: member.organizationId,
      },
      activityType: 'personal_information_access',
      event: action === 'clock_in' ? 'create' : 'edit',
      informationType: 'attendance',
      target: { id: member.id, name: member.name },
      context,
      details: { action, workRecordId: record.id },
    },
    transaction,
  );
}

/**
 * Opens a work record at `now` with the client IP. A member has at most one
 * open record (a partial unique index), so a double click or a second tab
 * answers "already clocked in" instead of creating a second one.
 */
export async function clockIn(
  member: ClockingMember,
  context: RequestContext,
  now = new Date(),
): Promise<ClockResult> {
  try {
    return await database().transaction(async (transaction) => {
      const [row] = await database().query<WorkRecordRow>(
        `INSERT INTO work_records (company_id, member_id, clock_in_at, ip_in)
         VALUES ($1, $2, $3, $4) RETURNING *`,
        {
          bind: [member.companyId, member.id, now, context.ip],
          type: QueryTypes.SELECT,
          transaction,
        },
      );
      if (!row) throw new Error('work record insert returned nothing');
      const record = toWorkRecordView(row);
      await audit(member, 'clock_in', record, context, transaction);
      return { ok: true, record };
    });
  } catch (error) {
    if (error instanceof UniqueConstraintError) {
      return { ok: false, message: 'You are already clocked in.' };
    }
    throw error;
  }
}

/** Closes the member's open work record at `now` with the client IP. */
export async function clockOut(
  member: ClockingMember,
  context: RequestContext,
  now = new Date(),
): Promise<ClockResult> {
  return database().transaction(async (transaction) => {
    const [row] = await database().query<WorkRecordRow>(
      `UPDATE work_records SET clock_out_at = GREATEST($3::timestamptz, clock_in_at), ip_out = $4
       WHERE company_id = $1 AND member_id = $2 AND clock_out_at IS NULL
       RETURNING *`,
      {
        bind: [member.companyId, member.id, now, context.ip],
        type: QueryTypes.SELECT,
        transaction,
      },
    );
    if (!row) return { ok: false, message: 'You are not clocked in.' };
    const record = toWorkRecordView(row);
    await audit(member, 'clock_out', record, context, transaction);
    return { ok: true, record };
  });
}
